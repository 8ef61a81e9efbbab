namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// Decides which entry a worker handles next. Entries with the same business id run one at a time, earliest
/// event time first among those waiting. Entries without a business id run in any order. The class is thread-safe.
/// </summary>
/// <remarks>
/// Invariant: a queue in <c>_queuesByBusinessId</c> is either in <c>_ready</c> exactly once or taken by exactly
/// one worker, so no two workers handle the same business id at the same time.
/// </remarks>
internal sealed class EntityScheduler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, EntityQueue> _queuesByBusinessId = new(StringComparer.Ordinal);
    private readonly Queue<EntityQueue> _ready = new();
    private readonly HashSet<InboxEntry> _uncompleted = new(ReferenceEqualityComparer.Instance);
    private readonly int _maxWorkers;
    private long _sequence;
    private int _workers;
    private bool _stopped;
    private TaskCompletionSource? _idle;

    public EntityScheduler(int maxWorkers) => _maxWorkers = maxWorkers;

    /// <summary>
    /// Adds entries and returns how many new workers the caller must start. Each worker calls
    /// <see cref="TryTake"/> until it returns <see langword="false"/>.
    /// </summary>
    public int Add(IEnumerable<InboxEntry> entries)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                _uncompleted.Add(entry);
                var businessId = entry.Event.BusinessId;
                if (businessId is null)
                {
                    var single = new EntityQueue(null);
                    single.Add(entry, _sequence++);
                    _ready.Enqueue(single);
                }
                else if (_queuesByBusinessId.TryGetValue(businessId, out var queue))
                {
                    // The queue is already ready or running, so its worker takes the entry in event time order.
                    queue.Add(entry, _sequence++);
                }
                else
                {
                    queue = new EntityQueue(businessId);
                    queue.Add(entry, _sequence++);
                    _queuesByBusinessId.Add(businessId, queue);
                    _ready.Enqueue(queue);
                }
            }

            var toStart = _stopped ? 0 : Math.Min(_maxWorkers - _workers, _ready.Count);
            _workers += toStart;
            return toStart;
        }
    }

    /// <summary>
    /// Takes the next entry to handle, which the caller passes to <see cref="Release"/> when done. Returns
    /// <see langword="false"/> and retires the calling worker when nothing is ready or after <see cref="Stop"/>.
    /// </summary>
    public bool TryTake(out EntityQueue queue, out InboxEntry entry)
    {
        lock (_lock)
        {
            if (_stopped || !_ready.TryDequeue(out queue!))
            {
                queue = null!;
                entry = null!;
                _workers--;
                if (_workers == 0)
                {
                    _idle?.TrySetResult();
                    _idle = null;
                }

                return false;
            }

            entry = queue.Take();
            return true;
        }
    }

    /// <summary>Marks a taken entry as done, completed or not, and lets the next entry of its business id run.</summary>
    /// <param name="queue">The queue <see cref="TryTake"/> returned.</param>
    /// <param name="entry">The entry <see cref="TryTake"/> returned.</param>
    /// <param name="handled">Whether the entry was completed. An entry left unhandled stays in <see cref="GetUncompleted"/>.</param>
    public void Release(EntityQueue queue, InboxEntry entry, bool handled)
    {
        lock (_lock)
        {
            if (handled)
            {
                _uncompleted.Remove(entry);
            }

            if (queue.Count > 0)
            {
                _ready.Enqueue(queue);
            }
            else if (queue.BusinessId is not null)
            {
                _queuesByBusinessId.Remove(queue.BusinessId);
            }
        }
    }

    /// <summary>Makes workers retire instead of taking more entries, which stay in <see cref="GetUncompleted"/>.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopped = true;
        }
    }

    /// <summary>Returns the entries added and not completed: waiting, running, or left unhandled.</summary>
    public IReadOnlyList<InboxEntry> GetUncompleted()
    {
        lock (_lock)
        {
            return [.. _uncompleted];
        }
    }

    /// <summary>Returns a task that completes when no worker runs.</summary>
    public Task WaitForIdleAsync()
    {
        lock (_lock)
        {
            if (_workers == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
