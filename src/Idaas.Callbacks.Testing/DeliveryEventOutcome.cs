namespace Idaas.Callbacks.Testing;

/// <summary>The final outcome of one event of a <see cref="CallbackDeliveryResult"/>.</summary>
public enum DeliveryEventOutcome
{
    /// <summary>The receiver listed the event in <c>successEvents</c>.</summary>
    Succeeded,

    /// <summary>The receiver listed the event in <c>skippedEvents</c>.</summary>
    Skipped,

    /// <summary>The receiver listed the event in <c>failedEvents</c>, a failure it does not want resent.</summary>
    Failed,

    /// <summary>
    /// The retry budget ran out before the receiver listed the event as succeeded, skipped or failed: every attempt
    /// failed or listed it in <c>retriedEvents</c> or in no list.
    /// </summary>
    GaveUp,
}
