namespace Idaas.Callbacks;

/// <summary>
/// What the dispatcher does with an event that is older than one already handled for the same business id.
/// </summary>
public enum StaleEventPolicy
{
    /// <summary>Delivers the event with <see cref="Processing.IdaasEventContext.IsStale"/> set, so the handler decides.</summary>
    Deliver = 1,

    /// <summary>Completes the event without calling any handler.</summary>
    Skip,
}
