namespace Idaas.Callbacks;

/// <summary>
/// Settings for the in-memory event inbox and its deduplication.
/// </summary>
public sealed class InboxOptions
{
    /// <summary>
    /// Gets or sets the maximum number of events taken and not yet handled. A callback whose new events do not
    /// fit gets HTTP 503 and no acknowledgement, unless the inbox is empty: an empty inbox takes a callback of any
    /// size, because a larger batch would otherwise be rejected on every retry. Default 10,000; range 1 to
    /// 10,000,000.
    /// </summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how long an event id is remembered after it was taken, so that IDaaS retries of the same
    /// event are acknowledged without being handled twice. Default 24 hours; at least 1 hour. IDaaS retries 5
    /// times after a 10 second timeout and does not publish the schedule, so the default is an estimate with a
    /// wide margin.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets the maximum number of remembered event ids. When more ids arrive within the window, the
    /// oldest are forgotten early, so memory stays bounded (about 200 bytes per id). Default 200,000; range
    /// 1,000 to 10,000,000.
    /// </summary>
    public int MaxDeduplicationEntries { get; set; } = 200_000;
}
