namespace Idaas.Callbacks.Testing;

/// <summary>The list of an acknowledgement that named an event, as seen by one <see cref="DeliveryAttempt"/>.</summary>
public enum AcknowledgedEventStatus
{
    /// <summary>The event is in <c>successEvents</c>.</summary>
    Success,

    /// <summary>The event is in <c>skippedEvents</c>.</summary>
    Skipped,

    /// <summary>The event is in <c>failedEvents</c>.</summary>
    Failed,

    /// <summary>The event is in <c>retriedEvents</c>, so it is sent again.</summary>
    Retried,

    /// <summary>The acknowledgement lists the event nowhere, which counts as a failed attempt for the event.</summary>
    NotListed,
}
