namespace Idaas.Callbacks.Testing;

/// <summary>
/// Settings for how <see cref="CallbackDelivery"/> sends callbacks: the response timeout, the retry budget and the
/// delays between attempts.
/// </summary>
/// <remarks>
/// IDaaS documents a 10 second timeout and up to 5 resends after a missing 200, but not its retry schedule, so
/// the default <see cref="RetryDelays"/> is an assumption. A <see cref="CallbackDelivery"/> validates the options
/// when it is created and reads and validates them again at the start of each delivery, so a change applies from
/// the next delivery.
/// </remarks>
public sealed class CallbackDeliveryOptions
{
    /// <summary>The default value of <see cref="Timeout"/>: 10 seconds, as IDaaS documents.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default value of <see cref="MaxRetries"/>: 5, as IDaaS documents.</summary>
    public const int DefaultMaxRetries = 5;

    /// <summary>The maximum value of <see cref="MaxRetries"/>.</summary>
    public const int MaxRetriesLimit = 100;

    /// <summary>
    /// Gets or sets the time an attempt waits for the response status and body, measured on the delivery's
    /// <see cref="TimeProvider"/>. An attempt without a response in time counts as failed.
    /// Default 10 seconds; range 1 millisecond to 10 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>
    /// Gets or sets the number of attempts after the first one that a callback may use. Non-200 answers, timeouts,
    /// connection errors and events listed in <c>retriedEvents</c> all use this budget, so a callback is posted at
    /// most <c>MaxRetries + 1</c> times, not counting <see cref="DeliveryFaults.DuplicateDelivery"/> copies.
    /// Default 5; range 0 to 100.
    /// </summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>
    /// Gets the delays before each retry: entry <c>n - 1</c> is waited before retry <c>n</c>, and the last entry
    /// repeats for later retries. An empty list means no delay.
    /// Default 1, 2, 4, 8 and 16 seconds. Each entry must be between zero and 1 hour.
    /// </summary>
    /// <remarks>
    /// NOTE: IDaaS does not publish its retry schedule; the doubling default is a guess that keeps all 5 retries
    /// within about 30 seconds plus the timeouts.
    /// </remarks>
    public IList<TimeSpan> RetryDelays { get; } =
    [
        TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(4),
        TimeSpan.FromSeconds(8),
        TimeSpan.FromSeconds(16),
    ];

    /// <summary>
    /// Gets or sets a value indicating whether each retry carries a newly signed token, with a new <c>jti</c> and
    /// <c>iat</c> but the same event ids. Default <see langword="false"/>: a retry of the same events resends the
    /// same request body byte for byte.
    /// </summary>
    /// <remarks>Whether IDaaS re-signs its retries is not documented.</remarks>
    public bool ResignRetries { get; set; }

    /// <summary>
    /// Gets or sets the seed of the random order used by <see cref="DeliveryOrder.Shuffled"/>, or
    /// <see langword="null"/> for a new random seed at each call. Default <see langword="null"/>.
    /// </summary>
    public int? ShuffleSeed { get; set; }

    /// <summary>Returns the delay to wait before retry number <paramref name="retry"/>.</summary>
    /// <param name="retry">The retry number, 1 for the second attempt.</param>
    /// <returns>The delay, or <see cref="TimeSpan.Zero"/> when <see cref="RetryDelays"/> is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retry"/> is less than 1.</exception>
    public TimeSpan GetRetryDelay(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);

        var delays = RetryDelays;
        return delays.Count == 0 ? TimeSpan.Zero : delays[Math.Min(retry, delays.Count) - 1];
    }

    /// <summary>Checks every setting and throws for the first one out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its documented range.</exception>
    public void Validate()
    {
        if (Timeout < TimeSpan.FromMilliseconds(1) || Timeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, $"The timeout is {Timeout.TotalMilliseconds} ms. Use a value from 1 ms to 10 minutes.");
        }

        if (MaxRetries is < 0 or > MaxRetriesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, $"MaxRetries is {MaxRetries}. Use a value from 0 to {MaxRetriesLimit}.");
        }

        for (var index = 0; index < RetryDelays.Count; index++)
        {
            var delay = RetryDelays[index];
            if (delay < TimeSpan.Zero || delay > TimeSpan.FromHours(1))
            {
                throw new ArgumentOutOfRangeException(nameof(RetryDelays), delay, $"RetryDelays[{index}] is {delay.TotalSeconds} s. Use delays from 0 to 1 hour.");
            }
        }
    }
}
