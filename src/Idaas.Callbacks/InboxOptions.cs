namespace Idaas.Callbacks;

/// <summary>
/// Settings for the in-memory event inbox and its deduplication.
/// </summary>
public sealed class InboxOptions
{
    /// <summary>
    /// Gets or sets the maximum number of events taken and not yet handled. A callback whose new events do not
    /// fit is answered 503 and acknowledged not at all. Default 10,000; range 1 to 10,000,000.
    /// </summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how long an event id is remembered after it was taken, so that IDaaS retries of the same
    /// event are acknowledged without being handled twice. Default 24 hours, well past the IDaaS retry
    /// horizon of 5 retries after a 10 second timeout, whose schedule IDaaS does not publish; at least 1 hour.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets the maximum number of remembered event ids. When more ids arrive within the window, the
    /// oldest are forgotten early, so memory stays bounded (about 200 bytes per id). Default 200,000; range
    /// 1,000 to 10,000,000.
    /// </summary>
    public int MaxDeduplicationEntries { get; set; } = 200_000;
}
