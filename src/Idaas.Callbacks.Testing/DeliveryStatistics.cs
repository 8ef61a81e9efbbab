namespace Idaas.Callbacks.Testing;

/// <summary>
/// Counts over every delivery of a <see cref="CallbackDelivery"/>, including ones still in flight.
/// </summary>
/// <remarks>
/// Every post is counted once in <see cref="Attempts"/> and once in exactly one of <see cref="Acknowledged"/>,
/// <see cref="Rejected"/>, <see cref="TimedOut"/>, <see cref="ConnectionFailed"/> and
/// <see cref="InvalidAcknowledgements"/>, once it has ended. Every event of a finished delivery is counted once in
/// exactly one of <see cref="EventsSucceeded"/>, <see cref="EventsSkipped"/>, <see cref="EventsFailed"/> and
/// <see cref="GaveUp"/>.
/// </remarks>
public sealed record DeliveryStatistics
{
    /// <summary>Gets the number of deliveries started with at least one event, one per batch.</summary>
    public long CallbacksSent { get; init; }

    /// <summary>Gets the number of posts, including retries and duplicate copies.</summary>
    public long Attempts { get; init; }

    /// <summary>Gets the number of posts after the first of their delivery, not counting duplicate copies.</summary>
    public long Retries { get; init; }

    /// <summary>Gets the number of extra posts sent by <see cref="DeliveryFaults.DuplicateDelivery"/>.</summary>
    public long Duplicates { get; init; }

    /// <summary>Gets the number of posts answered with 200 and an acknowledgement that could be parsed.</summary>
    public long Acknowledged { get; init; }

    /// <summary>Gets the number of posts answered with a status other than 200.</summary>
    public long Rejected { get; init; }

    /// <summary>Gets the number of posts without a response in time, including dropped responses.</summary>
    public long TimedOut { get; init; }

    /// <summary>Gets the number of posts that failed without a response, such as refused connections.</summary>
    public long ConnectionFailed { get; init; }

    /// <summary>Gets the number of posts answered with 200 and a body that is not an acknowledgement.</summary>
    public long InvalidAcknowledgements { get; init; }

    /// <summary>Gets the number of events whose final outcome is <see cref="DeliveryEventOutcome.Succeeded"/>.</summary>
    public long EventsSucceeded { get; init; }

    /// <summary>Gets the number of events whose final outcome is <see cref="DeliveryEventOutcome.Skipped"/>.</summary>
    public long EventsSkipped { get; init; }

    /// <summary>Gets the number of events whose final outcome is <see cref="DeliveryEventOutcome.Failed"/>.</summary>
    public long EventsFailed { get; init; }

    /// <summary>Gets the number of events whose final outcome is <see cref="DeliveryEventOutcome.GaveUp"/>.</summary>
    public long GaveUp { get; init; }
}
