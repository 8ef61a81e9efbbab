using Idaas.Callbacks.Scim.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// Registers the SCIM client.
/// </summary>
public static class ScimServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> that the SCIM client sends its requests with.</summary>
    public const string HttpClientName = "Idaas.Callbacks.Scim";

    /// <summary>
    /// Registers <see cref="ScimClient"/> as a singleton and as <see cref="IScimClient"/>, with options set by
    /// <paramref name="configure"/> and validated when the host starts, and the named HTTP client
    /// <see cref="HttpClientName"/>. A second call adds its configuration but registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="ScimClientOptions.BaseAddress"/> and a token source are required.</param>
    /// <returns>The builder of the named HTTP client, for handlers or a primary handler of the application's own.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddIdaasScimClient(this IServiceCollection services, Action<ScimClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<ScimClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="ScimClient"/> like <see cref="AddIdaasScimClient(IServiceCollection, Action{ScimClientOptions})"/>,
    /// with options bound from <paramref name="configuration"/> (for example the section <c>Idaas:Scim</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section with the <see cref="ScimClientOptions"/> values.</param>
    /// <returns>The builder of the named HTTP client.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddIdaasScimClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ScimClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        // A second call must not configure the HTTP client again, because that would replace a primary handler
        // that the application or a test configured after the first call.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ScimClient)))
        {
            return new NamedHttpClientBuilder(services);
        }

        services.AddOptions<ScimClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScimClientOptions>, ScimClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The client applies its own per-attempt timeout on the TimeProvider, so HttpClient's is turned off.
        // Redirects are not followed, so a bearer token is never sent to another URL.
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            });

        services.TryAddSingleton(static provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<ScimClient>() ?? (ILogger)NullLogger.Instance;
            return new ScimClient(
                () => factory.CreateClient(HttpClientName),
                provider.GetRequiredService<IOptions<ScimClientOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                logger,
                provider.GetService<System.Diagnostics.Metrics.IMeterFactory>());
        });
        services.TryAddSingleton<IScimClient>(static provider => provider.GetRequiredService<ScimClient>());
        return builder;
    }

    private sealed class NamedHttpClientBuilder(IServiceCollection services) : IHttpClientBuilder
    {
        public string Name => HttpClientName;

        public IServiceCollection Services { get; } = services;
    }
}
