namespace Idaas.Callbacks;

/// <summary>
/// Settings for the background dispatcher that calls the event handlers.
/// </summary>
public sealed class DispatcherOptions
{
    /// <summary>
    /// Gets or sets the maximum number of handler calls that run at the same time. Events with the same business
    /// id always run one at a time. Default 8; range 1 to 256.
    /// </summary>
    public int MaxParallelism { get; set; } = 8;

    /// <summary>
    /// Gets or sets the maximum number of calls of one handler for one event, the first one included. After the
    /// last failed attempt the event goes to the dead-letter sink. Default 5; range 1 to 100.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// Gets or sets the upper bound of the delay before the second attempt. The bound doubles with each attempt
    /// up to <see cref="RetryMaxDelay"/>, and the delay is drawn at random between zero and the bound.
    /// Default 1 second; range 0 to 1 hour.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the maximum delay between two attempts. Default 5 minutes; range
    /// <see cref="RetryBaseDelay"/> to 1 day.
    /// </summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets what happens to an event older than one already handled for the same business id.
    /// Default <see cref="StaleEventPolicy.Deliver"/>.
    /// </summary>
    public StaleEventPolicy StaleEventPolicy { get; set; } = StaleEventPolicy.Deliver;

    /// <summary>
    /// Gets or sets the number of dead letters that <see cref="Processing.InMemoryDeadLetterSink"/> keeps for
    /// inspection, dropping the oldest first. Default 1,000; range 1 to 1,000,000.
    /// </summary>
    public int DeadLetterCapacity { get; set; } = 1_000;
}
