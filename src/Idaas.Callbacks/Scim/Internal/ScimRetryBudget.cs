namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The retries left to one client call: a number of attempts and a total wait. A create that is retried after a
/// lost response shares one budget with the requests that resolve it. Not thread-safe; one call owns it.
/// </summary>
internal sealed class ScimRetryBudget(ScimClientOptions options)
{
    private TimeSpan _waited;

    public int Retries { get; private set; }

    /// <summary>
    /// Returns the delay before the next retry, <paramref name="retryAfter"/> when the server sent one, or
    /// <see langword="null"/> when the attempts or the total wait would exceed the budget.
    /// </summary>
    public TimeSpan? TryTakeRetry(TimeSpan? retryAfter)
    {
        if (Retries >= options.MaxRetryAttempts)
        {
            return null;
        }

        var delay = retryAfter ?? Backoff(Retries);
        if (_waited + delay > options.MaxRetryWait)
        {
            return null;
        }

        Retries++;
        _waited += delay;
        return delay;
    }

    // Exponential backoff capped at RetryMaxDelay, with up to half of it replaced by random jitter so that many
    // clients throttled at once do not retry in step.
    private TimeSpan Backoff(int retry)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds);
        var jittered = (capped / 2) + (Random.Shared.NextDouble() * capped / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }
}
