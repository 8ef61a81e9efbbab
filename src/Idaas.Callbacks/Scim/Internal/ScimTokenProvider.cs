using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Supplies the bearer token: the static one, or a client-credentials token cached until shortly before it
/// expires. One request to the token endpoint serves all callers that need a token at the same time.
/// Thread-safe.
/// </summary>
internal sealed class ScimTokenProvider : IDisposable
{
    // Used when the token endpoint sends no expires_in. RFC 6749 section 5.1 lets the server omit it.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    private readonly ScimClientOptions _options;
    private readonly Uri? _tokenEndpoint;
    private readonly Func<HttpClient> _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ScimRateLimiter _rateLimiter;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    /// <param name="options">The client settings with the credentials.</param>
    /// <param name="httpClient">The source of the HTTP client for token requests.</param>
    /// <param name="timeProvider">The clock for token expiry.</param>
    /// <param name="logger">The logger; tokens and secrets are never logged.</param>
    /// <param name="rateLimiter">The client's request rate limit, which token requests share because service providers may count them.</param>
    public ScimTokenProvider(ScimClientOptions options, Func<HttpClient> httpClient, TimeProvider timeProvider, ILogger logger, ScimRateLimiter rateLimiter)
    {
        _options = options;
        _tokenEndpoint = options.ClientCredentials?.ResolveTokenEndpoint(options.BaseAddress);
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = logger;
        _rateLimiter = rateLimiter;
    }

    /// <summary>Gets a value indicating whether a rejected token can be replaced by requesting a new one.</summary>
    public bool CanRefresh => _options.ClientCredentials is not null;

    /// <summary>Returns a token that is valid for at least the refresh margin.</summary>
    /// <exception cref="ScimException">The token endpoint failed or returned an error.</exception>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.ClientCredentials is null)
        {
            return _options.BearerToken!;
        }

        if (_cached is { } cached && cached.RefreshAt > _timeProvider.GetUtcNow())
        {
            return cached.Token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A caller that waited here finds the token that the caller before it fetched.
            if (_cached is { } fresh && fresh.RefreshAt > _timeProvider.GetUtcNow())
            {
                return fresh.Token;
            }

            var token = await RequestTokenAsync(_options.ClientCredentials, cancellationToken).ConfigureAwait(false);
            _cached = token;
            return token.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Drops <paramref name="rejectedToken"/> from the cache, unless another caller already replaced it, so that
    /// many requests rejected with the same token cause one new token request.
    /// </summary>
    public void Invalidate(string rejectedToken)
    {
        var cached = _cached;
        if (cached is not null && string.Equals(cached.Token, rejectedToken, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<CachedToken> RequestTokenAsync(ScimClientCredentials credentials, CancellationToken cancellationToken)
    {
        var endpoint = _tokenEndpoint!;
        var endpointText = ScimLog.Describe(endpoint);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (!string.IsNullOrWhiteSpace(credentials.Scope))
        {
            form.Add(new("scope", credentials.Scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (credentials.ClientAuthentication == ScimClientAuthentication.Basic)
        {
            // RFC 6749 section 2.3.1: the id and secret are form-encoded before they are joined.
            var pair = $"{Uri.EscapeDataString(credentials.ClientId!)}:{Uri.EscapeDataString(credentials.ClientSecret!)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form.Add(new("client_id", credentials.ClientId!));
            form.Add(new("client_secret", credentials.ClientSecret!));
        }

        request.Content = new FormUrlEncodedContent(form);
        using var lease = await _rateLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        var requestedAt = _timeProvider.GetUtcNow();
        ScimTokenResponse? body;
        int statusCode;
        try
        {
            using var response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            var bytes = await ScimResponseReader.ReadBodyAsync(response.Content, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            body = TryParse(bytes);
        }
        catch (HttpRequestException exception)
        {
            ScimLog.TokenRequestFailed(_logger, exception, endpointText);
            throw new ScimException($"The request to the token endpoint {endpointText} failed: {exception.Message}", exception);
        }

        if (statusCode is < 200 or >= 300 || string.IsNullOrEmpty(body?.AccessToken))
        {
            var error = ScimLog.Printable(body?.Error ?? "(none)");
            ScimLog.TokenRejected(_logger, endpointText, statusCode, error);
            throw new ScimException(
                $"The token endpoint {endpointText} returned HTTP {statusCode} without an access token (error: {error}). Check ScimClientOptions.ClientCredentials.",
                statusCode,
                null,
                null);
        }

        var lifetime = body!.ExpiresIn is > 0 and < int.MaxValue ? TimeSpan.FromSeconds(body.ExpiresIn.Value) : DefaultLifetime;
        var margin = _options.TokenRefreshMargin < lifetime / 2 ? _options.TokenRefreshMargin : lifetime / 2;
        ScimLog.TokenAcquired(_logger, endpointText, lifetime);
        return new CachedToken(body.AccessToken!, requestedAt + lifetime - margin);
    }

    private static ScimTokenResponse? TryParse(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, ScimJsonContext.Default.ScimTokenResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);
}
