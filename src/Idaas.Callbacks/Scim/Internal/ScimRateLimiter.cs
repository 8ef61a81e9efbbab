using System.Threading.RateLimiting;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The client-side request rate limit: a token bucket of one second's worth of requests that refills one token
/// per <c>1 / RequestsPerSecond</c>. Refills follow the <see cref="TimeProvider"/>, not a timer of its own, so
/// tests with a fake clock never wait. Thread-safe.
/// </summary>
internal sealed class ScimRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter? _bucket;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _period;
    private readonly Lock _lock = new();
    private DateTimeOffset _lastRefill;
    private readonly long _tokenLimit;

    public ScimRateLimiter(int requestsPerSecond, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        if (requestsPerSecond <= 0)
        {
            return;
        }

        _period = TimeSpan.FromTicks(Math.Max(1, TimeSpan.TicksPerSecond / requestsPerSecond));
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = requestsPerSecond,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = _period,
            AutoReplenishment = false,
            QueueLimit = 0,
        });
        _tokenLimit = requestsPerSecond;
        _lastRefill = timeProvider.GetUtcNow();
    }

    /// <summary>Waits until a request may be sent.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (_bucket is null)
        {
            return;
        }

        while (true)
        {
            Refill();
            using (var lease = _bucket.AttemptAcquire(1))
            {
                if (lease.IsAcquired)
                {
                    return;
                }
            }

            await Task.Delay(_period, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _bucket?.Dispose();

    private void Refill()
    {
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var periods = (now - _lastRefill).Ticks / _period.Ticks;
            if (periods <= 0)
            {
                return;
            }

            // Periods beyond the bucket's size would only refill a full bucket, so the loop stops there.
            var refills = Math.Min(periods, _tokenLimit);
            for (var i = 0; i < refills; i++)
            {
                _bucket!.TryReplenish();
            }

            // The remainder of a period carries over, so the long-run rate stays exact.
            _lastRefill += TimeSpan.FromTicks(periods * _period.Ticks);
        }
    }
}
