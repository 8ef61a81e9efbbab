using Idaas.Callbacks.AspNetCore.Internal;
using Idaas.Callbacks.Keys;
using Idaas.Callbacks.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.AspNetCore;

/// <summary>
/// Adds the health check of the IDaaS callback receiver.
/// </summary>
public static class IdaasCallbacksHealthChecksBuilderExtensions
{
    /// <summary>The default name of the health check.</summary>
    public const string DefaultName = "idaas-callbacks";

    /// <summary>
    /// Adds a health check that reports the signing keys and the inbox of the callback receiver.
    /// </summary>
    /// <param name="builder">The health checks builder from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The name of the check in the health report.</param>
    /// <param name="failureStatus">The status when no signing key has loaded; <see langword="null"/> means <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to select the check, for example in <c>MapHealthChecks</c>, or <see langword="null"/> for none.</param>
    /// <returns>The <paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    /// <remarks>
    /// <para>
    /// The check reports <paramref name="failureStatus"/> while no signing key has loaded: before the first fetch
    /// completes, after fetches that all failed, or with an inline JWKS without a usable key. Every callback is
    /// rejected then. It reports <see cref="HealthStatus.Degraded"/> when the keys come from the Public Key
    /// Endpoint and were last loaded more than twice <see cref="SigningKeyOptions.RefreshInterval"/> ago (unless
    /// the interval is zero), or when a bounded inbox contains more than 80 % of its capacity. Otherwise it reports
    /// <see cref="HealthStatus.Healthy"/>.
    /// </para>
    /// <para>
    /// The result data contains <c>keySource</c> (<c>endpoint</c> or <c>inline</c>), <c>lastKeyRefresh</c> when
    /// keys have loaded, <c>inboxCount</c>, and <c>inboxCapacity</c> when the inbox is bounded. It never
    /// contains a key. The callback services must be registered with <c>services.AddIdaasCallbacks(...)</c>.
    /// </para>
    /// </remarks>
    public static IHealthChecksBuilder AddIdaasCallbacks(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        return builder.Add(new HealthCheckRegistration(
            name,
            static provider => new IdaasCallbacksHealthCheck(
                provider.GetRequiredService<SigningKeyCache>(),
                provider.GetRequiredService<IEventInbox>(),
                provider.GetRequiredService<IOptions<IdaasCallbackOptions>>(),
                provider.GetRequiredService<TimeProvider>()),
            failureStatus,
            tags));
    }
}
