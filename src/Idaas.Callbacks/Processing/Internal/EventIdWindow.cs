namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// The event ids taken within the deduplication window, with a bound on how many are kept. Not thread-safe:
/// the inbox calls it under its lock.
/// </summary>
internal sealed class EventIdWindow
{
    private readonly Dictionary<string, long> _expiryById = new(StringComparer.Ordinal);
    private readonly Queue<(string EventId, long ExpiresAt)> _byExpiry = new();
    private readonly long _windowTicks;
    private readonly int _maxEntries;

    public EventIdWindow(TimeSpan window, int maxEntries)
    {
        _windowTicks = window.Ticks;
        _maxEntries = maxEntries;
    }

    public int Count => _expiryById.Count;

    public bool Contains(string eventId) => _expiryById.ContainsKey(eventId);

    /// <summary>Remembers <paramref name="eventId"/> until the window after <paramref name="nowTicks"/> ends.</summary>
    public void Add(string eventId, long nowTicks)
    {
        var expiresAt = nowTicks + _windowTicks;
        _expiryById[eventId] = expiresAt;
        _byExpiry.Enqueue((eventId, expiresAt));
    }

    /// <summary>
    /// Forgets ids whose window ended, then the oldest ids while more than the maximum are kept.
    /// </summary>
    public void Trim(long nowTicks)
    {
        while (_byExpiry.TryPeek(out var oldest) && (oldest.ExpiresAt <= nowTicks || _expiryById.Count > _maxEntries))
        {
            _byExpiry.Dequeue();

            // A later Add of the same id moved its expiry; only the newest queue entry removes it.
            if (_expiryById.TryGetValue(oldest.EventId, out var expiresAt) && expiresAt == oldest.ExpiresAt)
            {
                _expiryById.Remove(oldest.EventId);
            }
        }
    }
}
