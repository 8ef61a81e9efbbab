namespace Idaas.Callbacks.Processing;

/// <summary>The outcome of <see cref="IEventInbox.EnqueueAsync(IReadOnlyList{Events.IdaasEvent}, DateTimeOffset, CancellationToken)"/>.</summary>
/// <param name="Status">Whether the batch was taken.</param>
/// <param name="DuplicateEventIds">
/// The ids of events in an accepted batch that the inbox had taken before and did not take again.
/// </param>
public sealed record InboxEnqueueResult(InboxEnqueueStatus Status, IReadOnlySet<string> DuplicateEventIds);
