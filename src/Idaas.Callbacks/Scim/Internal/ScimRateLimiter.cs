namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The client-side request rate limit: at most <c>RequestsPerSecond</c> requests in any one second, so a service
/// provider that counts requests over a sliding or fixed second never throttles a client set to its own limit.
/// Waits follow the <see cref="TimeProvider"/>, so tests with a fake clock never wait. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// A token bucket that holds one second's worth of requests is not enough: it allows a full bucket plus one
/// second's refill, up to twice the limit, within one second. The <c>System.Threading.RateLimiting</c> sliding
/// window was not used because its manual replenishment also waits for real time to pass, which a fake clock
/// cannot drive.
/// </para>
/// <para>
/// The service provider counts a request when it arrives, which is some time after the client sent it, and the
/// delay varies: the first request on a new connection waits for the connection. So a request holds its place in
/// the window from the moment it is admitted until one second after its response arrived, the latest moment the
/// server can have counted it. That costs the round-trip time's share of the rate and avoids HTTP 429, whose
/// <c>Retry-After</c> would cost a whole second.
/// </para>
/// </remarks>
internal sealed class ScimRateLimiter
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // How often a caller checks again while every place is held by a request in flight.
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(5);

    private readonly int _limit;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();

    // The completion times of finished requests within the last second, oldest first.
    private readonly Queue<DateTimeOffset> _completed = new();
    private int _inFlight;

    public ScimRateLimiter(int requestsPerSecond, TimeProvider timeProvider)
    {
        _limit = Math.Max(0, requestsPerSecond);
        _timeProvider = timeProvider;
    }

    /// <summary>Waits until a request may be sent and returns its lease; dispose the lease when the response has arrived or the request failed.</summary>
    public async ValueTask<Lease> WaitAsync(CancellationToken cancellationToken)
    {
        if (_limit == 0)
        {
            return default;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = TryAdmit();
            if (wait <= TimeSpan.Zero)
            {
                return new Lease(this);
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Admits a request and returns zero, or returns how long to wait before trying again.</summary>
    private TimeSpan TryAdmit()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            while (_completed.Count > 0 && now - _completed.Peek() >= Window)
            {
                _completed.Dequeue();
            }

            if (_inFlight + _completed.Count < _limit)
            {
                _inFlight++;
                return TimeSpan.Zero;
            }

            return _completed.Count > 0 ? _completed.Peek() + Window - now : InFlightPoll;
        }
    }

    private void Complete()
    {
        lock (_lock)
        {
            _inFlight--;
            _completed.Enqueue(_timeProvider.GetUtcNow());
        }
    }

    /// <summary>One admitted request's place in the window; disposing it starts the second after which the place is free.</summary>
    internal readonly struct Lease(ScimRateLimiter? limiter) : IDisposable
    {
        public void Dispose() => limiter?.Complete();
    }
}
