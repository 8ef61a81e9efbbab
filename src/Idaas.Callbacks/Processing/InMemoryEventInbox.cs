using System.Diagnostics;
using System.Threading.Channels;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing.Internal;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Processing;

/// <summary>
/// A bounded <see cref="IEventInbox"/> in process memory, built on a <see cref="Channel{T}"/>, with
/// deduplication by event id.
/// </summary>
/// <remarks>
/// Events in this inbox are lost if the process ends before they are handled, although the acknowledgement
/// listed them as successes. Use a durable inbox where that matters. Event ids are remembered for
/// <see cref="InboxOptions.DeduplicationWindow"/>, at most <see cref="InboxOptions.MaxDeduplicationEntries"/>
/// of them, and only within this process.
/// </remarks>
public sealed class InMemoryEventInbox : IEventInbox
{
    private readonly Channel<InboxEntry> _channel = Channel.CreateUnbounded<InboxEntry>(new UnboundedChannelOptions { SingleReader = false });
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly EventIdWindow _taken;

    // Guards _taken, _count and _closed, so that a duplicate check, the room check and the write are atomic.
    private readonly Lock _lock = new();
    private int _count;
    private bool _closed;

    /// <summary>Initializes an inbox with the capacity and deduplication settings of <paramref name="options"/>.</summary>
    /// <param name="options">The callback options; <see cref="IdaasCallbackOptions.Inbox"/> is used.</param>
    /// <param name="timeProvider">The clock for the deduplication window.</param>
    public InMemoryEventInbox(IOptions<IdaasCallbackOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var settings = options.Value.Inbox;
        _timeProvider = timeProvider;
        _capacity = settings.Capacity;
        _taken = new EventIdWindow(settings.DeduplicationWindow, settings.MaxDeduplicationEntries);
    }

    /// <inheritdoc/>
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc/>
    public int? Capacity => _capacity;

    /// <inheritdoc/>
    public ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<IdaasEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken)
        => EnqueueAsync(events, receivedAt, default, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<IdaasEvent> events, DateTimeOffset receivedAt, ActivityContext receiveActivityContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();

        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<IdaasEvent>(events.Count);
        lock (_lock)
        {
            if (_closed)
            {
                return new(new InboxEnqueueResult(InboxEnqueueStatus.Closed, duplicates));
            }

            var now = _timeProvider.GetUtcNow().UtcTicks;
            _taken.Trim(now);
            var idsInBatch = new HashSet<string>(StringComparer.Ordinal);
            foreach (var idaasEvent in events)
            {
                if (_taken.Contains(idaasEvent.EventId))
                {
                    duplicates.Add(idaasEvent.EventId);
                    continue;
                }

                // A repeat inside the same batch is taken once, with its first copy, and is no duplicate.
                if (idsInBatch.Add(idaasEvent.EventId))
                {
                    fresh.Add(idaasEvent);
                }
            }

            // An empty inbox takes any batch, even one larger than the capacity, because such a batch would
            // otherwise be refused on every retry until IDaaS gives up on it.
            if (_count > 0 && _count + fresh.Count > _capacity)
            {
                return new(new InboxEnqueueResult(InboxEnqueueStatus.Full, new HashSet<string>(StringComparer.Ordinal)));
            }

            foreach (var idaasEvent in fresh)
            {
                _taken.Add(idaasEvent.EventId, now);

                // An unbounded channel that is not completed always accepts the write.
                _channel.Writer.TryWrite(new InboxEntry(idaasEvent, receivedAt) { ReceiveActivityContext = receiveActivityContext });
            }

            _count += fresh.Count;
        }

        return new(new InboxEnqueueResult(InboxEnqueueStatus.Accepted, duplicates));
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<InboxEntry> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask CompleteAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        lock (_lock)
        {
            _count--;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _channel.Writer.TryComplete();
        }
    }
}
