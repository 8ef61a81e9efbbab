using System.Threading.RateLimiting;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The client-side request rate limit: at most <c>RequestsPerSecond</c> requests in any one second, so a service
/// provider that counts requests over a sliding or fixed second never throttles a client set to its own limit.
/// Waits run on the <see cref="TimeProvider"/>, so tests with a fake clock do not wait in real time. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// A token bucket sized to one second of requests is not enough: it allows a full bucket plus one
/// second's refill, up to twice the limit, within one second. The sliding window of
/// <c>System.Threading.RateLimiting</c> was not used because it replenishes on real time, which a fake clock
/// cannot drive, so this type implements that library's <see cref="RateLimiter"/> contract on a
/// <see cref="TimeProvider"/>.
/// </para>
/// <para>
/// The service provider counts a request when it arrives, which is some time after the client sent it, and the
/// delay varies: the first request on a new connection waits for the connection. So a request holds its place in
/// the window from the moment it is admitted until one second after its response arrived, the latest moment the
/// server can have counted it. That costs the round-trip time's share of the rate and avoids HTTP 429, whose
/// <c>Retry-After</c> would cost a whole second.
/// </para>
/// </remarks>
internal sealed class ScimRateLimiter : RateLimiter
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
    private long _successfulLeases;
    private long _failedLeases;
    private DateTimeOffset? _idleSince;

    /// <summary>Creates a limiter of <paramref name="requestsPerSecond"/> requests in any one second; 0 admits every request.</summary>
    public ScimRateLimiter(int requestsPerSecond, TimeProvider timeProvider)
    {
        _limit = Math.Max(0, requestsPerSecond);
        _timeProvider = timeProvider;
        _idleSince = timeProvider.GetUtcNow();
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                return _idleSince is { } since ? _timeProvider.GetUtcNow() - since : null;
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Prune(_timeProvider.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _limit == 0 ? int.MaxValue : Math.Max(0, _limit - _inFlight - _completed.Count),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = Interlocked.Read(ref _successfulLeases),
                TotalFailedLeases = Interlocked.Read(ref _failedLeases),
            };
        }
    }

    /// <summary>Admits one request now, or returns a failed lease whose <see cref="MetadataName.RetryAfter"/> is the wait before the next attempt.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermitCount(permitCount);
        var wait = TryAdmit(take: permitCount == 1);
        if (wait > TimeSpan.Zero)
        {
            Interlocked.Increment(ref _failedLeases);
            return new NoPlace(wait);
        }

        Interlocked.Increment(ref _successfulLeases);
        return permitCount == 1 ? new Place(this) : new NoPlace(TimeSpan.Zero, isAcquired: true);
    }

    /// <summary>Waits on the time provider until one request may be sent; dispose the lease when its response has arrived or it failed.</summary>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermitCount(permitCount);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var wait = TryAdmit(take: permitCount == 1);
            if (wait <= TimeSpan.Zero)
            {
                Interlocked.Increment(ref _successfulLeases);
                return permitCount == 1 ? new Place(this) : new NoPlace(TimeSpan.Zero, isAcquired: true);
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void CheckPermitCount(int permitCount)
    {
        // One request takes one place; a request for zero permits only checks whether a place is free.
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, 1);
    }

    /// <summary>
    /// Returns zero when a place is free, taking it when <paramref name="take"/> is set, or returns how long to wait
    /// before trying again.
    /// </summary>
    private TimeSpan TryAdmit(bool take)
    {
        if (_limit == 0)
        {
            return TimeSpan.Zero;
        }

        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            Prune(now);
            if (_inFlight + _completed.Count < _limit)
            {
                if (take)
                {
                    _inFlight++;
                    _idleSince = null;
                }

                return TimeSpan.Zero;
            }

            return _completed.Count > 0 ? _completed.Peek() + Window - now : InFlightPoll;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_completed.Count > 0 && now - _completed.Peek() >= Window)
        {
            _completed.Dequeue();
        }
    }

    private void Complete()
    {
        if (_limit == 0)
        {
            return;
        }

        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            _inFlight--;
            _completed.Enqueue(now);
            if (_inFlight == 0)
            {
                _idleSince = now;
            }
        }
    }

    /// <summary>One admitted request's place in the window; disposing it starts the second after which the place is free.</summary>
    private sealed class Place(ScimRateLimiter limiter) : RateLimitLease
    {
        private int _disposed;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limiter.Complete();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// A lease that holds no place: a refused attempt with the wait before a place can be free, or the result of a
    /// request for zero permits.
    /// </summary>
    private sealed class NoPlace(TimeSpan retryAfter, bool isAcquired = false) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
