using System.Diagnostics;
using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Processing;

/// <summary>
/// The hand-off between acknowledging a callback and handling its events. An event becomes the receiver's
/// responsibility when <see cref="EnqueueAsync(IReadOnlyList{IdaasEvent}, DateTimeOffset, CancellationToken)"/> accepts it; the endpoint acknowledges nothing before that.
/// </summary>
/// <remarks>
/// The contract fits a durable implementation on a database: enqueue is one transaction that inserts the
/// batch, with the event id as a unique key for deduplication; <see cref="ReadAllAsync"/> leases entries; and
/// <see cref="CompleteAsync"/> deletes or archives an entry once it was handled or dead-lettered. Entries that
/// are never completed are delivered again after a restart. Implementations are thread-safe.
/// </remarks>
public interface IEventInbox
{
    /// <summary>
    /// Takes all <paramref name="events"/> or none of them. Events whose id the inbox has taken before, within
    /// its deduplication window, are reported as duplicates and not taken again.
    /// </summary>
    /// <param name="events">The events of one callback to hand to the handlers.</param>
    /// <param name="receivedAt">The time the callback arrived.</param>
    /// <param name="cancellationToken">Ends the wait for room or for storage.</param>
    /// <returns>Whether the batch was taken, and which events were duplicates.</returns>
    ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<IdaasEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Takes all <paramref name="events"/> or none of them, like
    /// <see cref="EnqueueAsync(IReadOnlyList{IdaasEvent}, DateTimeOffset, CancellationToken)"/>, and stores
    /// <paramref name="receiveActivityContext"/> as each entry's <see cref="InboxEntry.ReceiveActivityContext"/>.
    /// </summary>
    /// <param name="events">The events of one callback to hand to the handlers.</param>
    /// <param name="receivedAt">The time the callback arrived.</param>
    /// <param name="receiveActivityContext">The context of the span that received the callback, or the default.</param>
    /// <param name="cancellationToken">Ends the wait for room or for storage.</param>
    /// <returns>Whether the batch was taken, and which events were duplicates.</returns>
    /// <remarks>
    /// The endpoint calls this overload. The default implementation drops the context and calls the overload
    /// without it, so the handle spans of an inbox that does not override it have no link to the receive span.
    /// </remarks>
    ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<IdaasEvent> events, DateTimeOffset receivedAt, ActivityContext receiveActivityContext, CancellationToken cancellationToken)
        => EnqueueAsync(events, receivedAt, cancellationToken);

    /// <summary>
    /// Returns the entries to handle, in the order they were taken, waiting for new ones until
    /// <paramref name="cancellationToken"/> is canceled or the inbox is closed.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The entries; each must be passed to <see cref="CompleteAsync"/> once.</returns>
    IAsyncEnumerable<InboxEntry> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Marks an entry as done, handled or dead-lettered, so that it is never delivered again.</summary>
    /// <param name="entry">An entry from <see cref="ReadAllAsync"/>.</param>
    /// <param name="cancellationToken">Ends the wait for storage.</param>
    /// <returns>A task that completes when the entry is marked.</returns>
    ValueTask CompleteAsync(InboxEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Stops taking new batches: later calls to <see cref="EnqueueAsync(IReadOnlyList{IdaasEvent}, DateTimeOffset, CancellationToken)"/> return
    /// <see cref="InboxEnqueueStatus.Closed"/>, and <see cref="ReadAllAsync"/> ends once the taken entries are read.
    /// </summary>
    void Close();

    /// <summary>Gets the number of entries taken and not yet completed.</summary>
    int Count { get; }

    /// <summary>Gets the maximum of <see cref="Count"/>, or <see langword="null"/> when the inbox is unbounded.</summary>
    int? Capacity { get; }
}
