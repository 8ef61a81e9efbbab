namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// The entries waiting for one business id, earliest event time first, or a single entry without a business id.
/// Not thread-safe: <see cref="EntityScheduler"/> calls it under its lock.
/// </summary>
internal sealed class EntityQueue(string? businessId)
{
    // The sequence number breaks ties between equal event times in the order the entries were read.
    private readonly PriorityQueue<InboxEntry, (DateTimeOffset EventTime, long Sequence)> _entries = new();

    public string? BusinessId { get; } = businessId;

    public int Count => _entries.Count;

    public void Add(InboxEntry entry, long sequence) => _entries.Enqueue(entry, (entry.Event.EventTime, sequence));

    public InboxEntry Take() => _entries.Dequeue();
}
