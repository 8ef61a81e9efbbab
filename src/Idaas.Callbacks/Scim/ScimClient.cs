using System.Diagnostics.Metrics;
using Idaas.Callbacks.Scim.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A SCIM 2.0 client (RFC 7643, RFC 7644) for the service provider that IDaaS runs for each application: Users
/// and Groups, paging, PATCH, ETags, a client-side rate limit, bounded retries and bearer or client-credentials
/// authentication.
/// </summary>
/// <remarks>
/// <para>Thread-safe; one instance serves the whole application and shares its rate limit and token cache.</para>
/// <para>
/// Retries: every request is retried after HTTP 429, because the service provider did not act on it. GET, PUT,
/// DELETE, and PATCH requests whose operations are all <c>replace</c>, are also retried after a timeout, a
/// connection error or a status in <see cref="ScimClientOptions.TransientStatusCodes"/>. A create is never sent
/// again blindly: after a lost response it looks the resource up by <c>userName</c> or <c>displayName</c>,
/// returns it when found, and only then creates it again.
/// </para>
/// </remarks>
public sealed partial class ScimClient : IScimClient, IDisposable
{
    private const string JsonMediaType = "application/json";

    private readonly ScimClientOptions _options;
    private readonly Func<HttpClient> _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ScimRateLimiter _rateLimiter;
    private readonly ScimTokenProvider _tokens;
    private readonly Uri _baseAddress;
    private readonly ScimClientMetrics _metrics;

    /// <summary>Creates a client that sends its requests through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client. The caller owns it; it should not follow redirects.</param>
    /// <param name="options">The settings, validated here.</param>
    /// <param name="timeProvider">The clock for waits and token expiry, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">The logger, or <see langword="null"/> for none.</param>
    /// <param name="meterFactory">The factory of the <c>Idaas.Callbacks</c> meter for <c>idaas.scim.requests</c> and
    /// <c>idaas.scim.request.duration</c>, or <see langword="null"/> for a meter that the client creates and disposes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> is not valid; the message names each setting and the fix.</exception>
    public ScimClient(HttpClient httpClient, ScimClientOptions options, TimeProvider? timeProvider = null, ILogger<ScimClient>? logger = null, IMeterFactory? meterFactory = null)
        : this(ValidateClient(httpClient), Validate(options), timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance, meterFactory)
    {
    }

    internal ScimClient(Func<HttpClient> httpClient, ScimClientOptions options, TimeProvider timeProvider, ILogger logger, IMeterFactory? meterFactory)
    {
        _options = options;
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = logger;
        _rateLimiter = new ScimRateLimiter(options.RequestsPerSecond, timeProvider);
        _tokens = new ScimTokenProvider(options, httpClient, timeProvider, logger, _rateLimiter);
        _metrics = new ScimClientMetrics(meterFactory);

        // Relative references such as "Users" resolve under the base path only when it ends with a slash.
        var baseText = options.BaseAddress!.AbsoluteUri;
        _baseAddress = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/", UriKind.Absolute);
    }

    /// <summary>Releases the token cache and a meter of its own. The HTTP client is not disposed.</summary>
    public void Dispose()
    {
        _tokens.Dispose();
        _metrics.Dispose();
    }

    private static Func<HttpClient> ValidateClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    private static ScimClientOptions Validate(ScimClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ScimClientOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ScimClientOptions), result.Failures);
        }

        return options;
    }

    private Uri Resolve(string relative) => new(_baseAddress, relative);

    private static string ResourcePath(string collection, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return $"{collection}/{Uri.EscapeDataString(id)}";
    }
}
