namespace Idaas.Callbacks.Events;

/// <summary>An event about a group, with the group record IDaaS sent.</summary>
public abstract record GroupEvent : IdaasEvent
{
    /// <summary>Gets the group record, which may hold only some members.</summary>
    public required IdaasGroup Group { get; init; }
}
