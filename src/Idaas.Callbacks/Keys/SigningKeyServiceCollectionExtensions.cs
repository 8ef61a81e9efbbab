using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Idaas.Callbacks.Keys;

/// <summary>
/// Registration of the signing-key cache, its HTTP client and its background refresh.
/// </summary>
internal static class SigningKeyServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that fetches the JWKS.</summary>
    internal const string HttpClientName = "Idaas.Callbacks.Jwks";

    /// <summary>
    /// Registers <see cref="SigningKeyCache"/> as a singleton and as <see cref="ISigningKeySource"/>, the named
    /// HTTP client <see cref="HttpClientName"/>, <see cref="TimeProvider.System"/> unless a time provider is
    /// already registered, and <see cref="SigningKeyRefreshService"/>. Calling it twice registers nothing twice.
    /// </summary>
    /// <remarks>The options <see cref="IdaasCallbackOptions"/> must be configured by the caller.</remarks>
    internal static IServiceCollection AddIdaasSigningKeys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // A second call must not configure the HTTP client again, because that would replace a primary handler
        // that the application or a test configured after the first call.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SigningKeyCache)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);

        // Redirects are never followed, so a compromised or misconfigured endpoint cannot send the fetch to
        // plain HTTP or to another host. The retriever also rejects any redirect that a replaced handler follows.
        // MaxResponseDrainSize 0 closes the connection of an oversized body instead of reading the rest of it.
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                MaxResponseDrainSize = 0,
                UseCookies = false,
            });

        services.TryAddSingleton<SigningKeyCache>();
        services.TryAddSingleton<ISigningKeySource>(static provider => provider.GetRequiredService<SigningKeyCache>());
        services.AddHostedService<SigningKeyRefreshService>();
        return services;
    }
}
