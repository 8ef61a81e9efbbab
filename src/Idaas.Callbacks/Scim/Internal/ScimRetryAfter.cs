using System.Net.Http.Headers;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Reads <c>Retry-After</c> (RFC 9110 section 10.2.3) in both forms: delay seconds and an HTTP date.
/// </summary>
internal static class ScimRetryAfter
{
    /// <summary>
    /// Returns the delay the header requests, measured from <paramref name="now"/> for the date form, or
    /// <see langword="null"/> when the header is missing. A date in the past is a zero delay.
    /// </summary>
    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var delay = date - now;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }
}
