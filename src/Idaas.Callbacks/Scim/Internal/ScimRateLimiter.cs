namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The client-side request rate limit: at most <c>RequestsPerSecond</c> requests in any one second on the
/// <see cref="TimeProvider"/>, so a service provider that counts requests over a sliding or fixed second never
/// throttles a client set to its own limit. Waits follow the <see cref="TimeProvider"/>, so tests with a fake clock
/// never wait. Thread-safe.
/// </summary>
/// <remarks>
/// A token bucket that holds one second's worth of requests is not enough: it allows a full bucket plus one
/// second's refill, up to twice the limit, within one second. This limiter keeps the send times of the last
/// <c>RequestsPerSecond</c> requests instead, and a request waits until the oldest of them is one second old.
/// The <c>System.Threading.RateLimiting</c> sliding window was not used because its manual replenishment also
/// waits for real time to pass, which a fake clock cannot drive.
/// </remarks>
internal sealed class ScimRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();

    // A ring of the send times of the last N admitted requests; _next is the oldest once the ring is full.
    private readonly DateTimeOffset[]? _sent;
    private int _next;
    private int _count;

    public ScimRateLimiter(int requestsPerSecond, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _sent = requestsPerSecond > 0 ? new DateTimeOffset[requestsPerSecond] : null;
    }

    /// <summary>Waits until a request may be sent, and counts it as sent.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_sent is null)
        {
            return;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = TryAdmit();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        // Nothing to release; kept so that the client's disposal stays the same if the limiter gains a timer.
    }

    /// <summary>Admits a request and returns zero, or returns how long until the oldest counted request leaves the window.</summary>
    private TimeSpan TryAdmit()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            if (_count < _sent!.Length)
            {
                _sent[(_next + _count) % _sent.Length] = now;
                _count++;
                return TimeSpan.Zero;
            }

            var oldest = _sent[_next];
            var wait = oldest + Window - now;
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            _sent[_next] = now;
            _next = (_next + 1) % _sent.Length;
            return TimeSpan.Zero;
        }
    }
}
