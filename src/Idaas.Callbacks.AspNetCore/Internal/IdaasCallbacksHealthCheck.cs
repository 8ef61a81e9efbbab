using Idaas.Callbacks.Keys;
using Idaas.Callbacks.Processing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.AspNetCore.Internal;

/// <summary>
/// Reports whether the receiver can verify callbacks and whether the inbox has room. The data lists the last key
/// load time and the inbox count and capacity, never a key.
/// </summary>
internal sealed class IdaasCallbacksHealthCheck(
    SigningKeyCache keyCache,
    IEventInbox inbox,
    IOptions<IdaasCallbackOptions> options,
    TimeProvider timeProvider) : IHealthCheck
{
    // Above this share of Capacity, the inbox may soon reject callbacks as InboxFull.
    private const double SaturationThreshold = 0.8;

    // Keys older than this many refresh intervals mean that at least one periodic refresh failed.
    private const int StaleRefreshIntervals = 2;

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        var lastRefresh = keyCache.LastSuccessfulRefresh;
        var count = inbox.Count;
        var capacity = inbox.Capacity;
        var data = new Dictionary<string, object>
        {
            ["keySource"] = keyCache.UsesEndpoint ? "endpoint" : "inline",
            ["inboxCount"] = count,
        };
        if (lastRefresh is { } loadedAt)
        {
            data["lastKeyRefresh"] = loadedAt;
        }

        if (capacity is { } bound)
        {
            data["inboxCapacity"] = bound;
        }

        if (lastRefresh is null)
        {
            return Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus,
                "No signing key has loaded, so every callback is rejected as KeysUnavailable. Check the Public Key Endpoint or the inline JWKS.",
                data: data));
        }

        var problems = new List<string>(2);
        var refreshInterval = options.Value.SigningKeys.RefreshInterval;
        if (keyCache.UsesEndpoint && refreshInterval > TimeSpan.Zero)
        {
            var age = timeProvider.GetUtcNow() - lastRefresh.Value;
            if (age > refreshInterval * StaleRefreshIntervals)
            {
                problems.Add($"The signing keys were last loaded {age.TotalMinutes:F0} minutes ago, more than {StaleRefreshIntervals} refresh intervals of {refreshInterval.TotalMinutes:F0} minutes.");
            }
        }

        if (capacity is { } limit && count > limit * SaturationThreshold)
        {
            problems.Add($"The inbox contains {count} of at most {limit} events, more than {SaturationThreshold:P0} of its capacity.");
        }

        var result = problems.Count == 0
            ? HealthCheckResult.Healthy("The signing keys are loaded and the inbox has room.", data)
            : HealthCheckResult.Degraded(string.Join(" ", problems), data: data);
        return Task.FromResult(result);
    }
}
