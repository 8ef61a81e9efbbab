namespace Idaas.Callbacks.Testing;

/// <summary>The record of one delivered batch: its events, every post, and the final outcome of each event.</summary>
public sealed record CallbackDeliveryResult
{
    /// <summary>Gets the number of this delivery within its <see cref="CallbackDelivery"/>, starting at 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the delivered events, in order.</summary>
    public required IReadOnlyList<SimulatorEvent> Events { get; init; }

    /// <summary>Gets every post made for the batch, in order, including retries and duplicate copies.</summary>
    public required IReadOnlyList<DeliveryAttempt> Attempts { get; init; }

    /// <summary>Gets the final outcome of each event, keyed by event id.</summary>
    public required IReadOnlyDictionary<string, DeliveryEventOutcome> Outcomes { get; init; }

    /// <summary>Gets the time the delivery started, before any <see cref="DeliveryFaults.Delay"/>.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets the time the last event got its final outcome.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Gets a value indicating whether every event succeeded. <see langword="true"/> for an empty batch.</summary>
    public bool AllSucceeded => Outcomes.Values.All(outcome => outcome == DeliveryEventOutcome.Succeeded);

    /// <summary>Gets a value indicating whether the delivery gave up on at least one event.</summary>
    public bool AnyGaveUp => Outcomes.Values.Any(outcome => outcome == DeliveryEventOutcome.GaveUp);

    /// <summary>Gets the number of posts after the first, not counting duplicate copies.</summary>
    public int Retries => Math.Max(0, Attempts.Count(attempt => !attempt.IsDuplicate) - 1);

    /// <summary>Returns the ids of the events with <paramref name="outcome"/>, in the order of <see cref="Events"/>.</summary>
    /// <param name="outcome">The outcome to select.</param>
    /// <returns>The event ids.</returns>
    public IReadOnlyList<string> GetEventIds(DeliveryEventOutcome outcome)
        => [.. Events.Select(e => e.EventId).Where(id => Outcomes.TryGetValue(id, out var value) && value == outcome).Distinct(StringComparer.Ordinal)];
}
