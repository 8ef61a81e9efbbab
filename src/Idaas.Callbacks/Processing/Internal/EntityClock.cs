namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// The latest event time handled per business id, for the most recently used <c>maxEntities</c> ids. An id
/// that was forgotten makes its next event look fresh, never stale. The class is thread-safe.
/// </summary>
internal sealed class EntityClock
{
    // 100,000 ids take about 20 MB, an estimate of 200 bytes each for the id, a dictionary entry and a list node.
    // An id unused while that many other entities changed is unlikely to receive a late event.
    public const int DefaultMaxEntities = 100_000;

    private readonly Dictionary<string, LinkedListNode<(string BusinessId, DateTimeOffset EventTime)>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<(string BusinessId, DateTimeOffset EventTime)> _leastRecentFirst = new();
    private readonly Lock _lock = new();
    private readonly int _maxEntities;

    public EntityClock(int maxEntities = DefaultMaxEntities)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntities);
        _maxEntities = maxEntities;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>Returns whether an event later than <paramref name="eventTime"/> was handled for the id.</summary>
    public bool IsStale(string businessId, DateTimeOffset eventTime)
    {
        lock (_lock)
        {
            return _nodes.TryGetValue(businessId, out var node) && node.Value.EventTime > eventTime;
        }
    }

    /// <summary>Records that an event of <paramref name="eventTime"/> was handled, keeping the later time.</summary>
    public void Record(string businessId, DateTimeOffset eventTime)
    {
        lock (_lock)
        {
            if (_nodes.TryGetValue(businessId, out var node))
            {
                _leastRecentFirst.Remove(node);
                node.Value = (businessId, eventTime > node.Value.EventTime ? eventTime : node.Value.EventTime);
                _leastRecentFirst.AddLast(node);
                return;
            }

            _nodes[businessId] = _leastRecentFirst.AddLast((businessId, eventTime));
            if (_nodes.Count > _maxEntities)
            {
                _nodes.Remove(_leastRecentFirst.First!.Value.BusinessId);
                _leastRecentFirst.RemoveFirst();
            }
        }
    }
}
