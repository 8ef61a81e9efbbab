namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// Exponential backoff with full jitter: the delay after attempt <c>n</c> is drawn uniformly between zero and
/// <c>min(maxDelay, baseDelay * 2^(n-1))</c>, so that many failing handlers do not retry in step.
/// </summary>
internal sealed class RetryBackoff
{
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Func<double> _nextJitter;

    /// <param name="baseDelay">The bound of the first delay.</param>
    /// <param name="maxDelay">The largest bound.</param>
    /// <param name="nextJitter">Returns a number in [0, 1]. Tests pass a constant to get exact delays.</param>
    public RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? nextJitter = null)
    {
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _nextJitter = nextJitter ?? Random.Shared.NextDouble;
    }

    /// <summary>Returns the upper bound of the delay after the failed attempt <paramref name="attempt"/> (from 1).</summary>
    public TimeSpan GetMaxDelay(int attempt)
    {
        // Past 2^30 the bound is above any allowed RetryMaxDelay anyway, and the shift stays in range.
        var factor = 1L << Math.Min(attempt - 1, 30);
        var ticks = _baseDelay.Ticks > _maxDelay.Ticks / factor ? _maxDelay.Ticks : _baseDelay.Ticks * factor;
        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>Returns the delay to wait after the failed attempt <paramref name="attempt"/> (from 1).</summary>
    public TimeSpan GetDelay(int attempt)
        => TimeSpan.FromTicks((long)(GetMaxDelay(attempt).Ticks * Math.Clamp(_nextJitter(), 0, 1)));
}
