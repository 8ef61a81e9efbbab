namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>A sliding one-second window of request times on a <see cref="TimeProvider"/>.</summary>
internal sealed class ScimRateLimiter(TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _accepted = new();

    /// <summary>Admits a request, or returns the whole seconds until one would be admitted.</summary>
    /// <param name="limit">The requests admitted per second; 0 admits everything.</param>
    /// <param name="retryAfterSeconds">At least 1 when the request is rejected.</param>
    public bool TryAcquire(int limit, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (limit <= 0)
        {
            return true;
        }

        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            while (_accepted.Count > 0 && now - _accepted.Peek() >= Window)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count < limit)
            {
                _accepted.Enqueue(now);
                return true;
            }

            // Rejected requests do not count, so the client may retry as soon as the oldest request leaves the window.
            var wait = _accepted.Peek() + Window - now;
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return false;
        }
    }
}
