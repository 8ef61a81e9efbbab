namespace Idaas.Callbacks.Events;

/// <summary>An event about an account, with the account record IDaaS sent.</summary>
public abstract record UserEvent : IdaasEvent
{
    /// <summary>
    /// Gets the account record. It may hold only some members: a real 2022 delete event carried only the user id.
    /// </summary>
    public required IdaasUser User { get; init; }
}
