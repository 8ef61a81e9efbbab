using Idaas.Callbacks.Internal;
using Idaas.Callbacks.Keys.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Keys;

/// <summary>
/// Cache of the RS256 signing keys, loaded from the Public Key Endpoint or from the inline JWKS.
/// </summary>
/// <remarks>
/// <para>
/// Lookups read an immutable key set that a successful refresh replaces with one reference write, so they take no
/// lock and are safe from any number of threads. A refresh replaces the set only when the new document has at
/// least one usable key. A failed, empty or unusable response keeps the keys that worked (stale-if-error).
/// </para>
/// <para>
/// <c>ConfigurationManager&lt;T&gt;</c> from Microsoft.IdentityModel.Protocols is not used. Its documentation
/// (version 8.23.0) states that once a configuration is loaded, updates happen in the background, so the request
/// that met a new <c>kid</c> would still see the old keys. It also takes any parsed document as the new
/// configuration unless a validator rejects it, and its refresh interval is not a per-miss cooldown.
/// </para>
/// </remarks>
internal sealed partial class SigningKeyCache : ISigningKeySource, IDisposable
{
    private readonly JwksLoader? _loader;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IdaasCallbacksMetrics? _metrics;
    private readonly TimeSpan _fetchTimeout;
    private readonly TimeSpan _refreshCooldown;
    private readonly CancellationTokenSource _disposal = new();

    // Guards _refresh, _lastMissRefreshStart and _disposed. Lookups that find their key never take it.
    private readonly Lock _refreshLock = new();

    // Null until the first successful load. Written only by a refresh, read without a lock.
    private volatile SigningKeySet? _keys;

    private Task<bool>? _refresh;
    private long? _lastMissRefreshStart;
    private bool _disposed;

    /// <summary>Creates the cache. With an inline JWKS, the document is parsed here, once.</summary>
    /// <param name="options">The callback options with the key source and <see cref="IdaasCallbackOptions.SigningKeys"/>.</param>
    /// <param name="httpClientFactory">The factory of the HTTP client that fetches the JWKS.</param>
    /// <param name="timeProvider">The clock for timeouts, the cooldown and the load times.</param>
    /// <param name="logger">The logger of the cache.</param>
    /// <param name="metrics">The instruments that count fetches, or <see langword="null"/> to count nothing.</param>
    /// <exception cref="InvalidOperationException">
    /// Neither or both of <see cref="IdaasCallbackOptions.PublicKeyEndpoint"/> and
    /// <see cref="IdaasCallbackOptions.JsonWebKeySet"/> are set, or a signing-key setting cannot work.
    /// </exception>
    public SigningKeyCache(
        IOptions<IdaasCallbackOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<SigningKeyCache> logger,
        IdaasCallbacksMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var settings = options.Value;
        var keySettings = settings.SigningKeys;
        ThrowIfUnworkable(settings);

        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _fetchTimeout = keySettings.FetchTimeout;
        _refreshCooldown = keySettings.RefreshCooldown;

        if (settings.PublicKeyEndpoint is { } endpoint)
        {
            _loader = new JwksLoader(httpClientFactory, endpoint, _fetchTimeout, keySettings.MaxResponseBytes, timeProvider, logger);
        }
        else
        {
            _keys = LoadInline(settings.JsonWebKeySet!);
        }
    }

    /// <summary>
    /// Gets the time of the last refresh that loaded usable keys, or <see langword="null"/> before the first.
    /// With an inline JWKS, it is the time the cache was created, if the document has a usable key.
    /// </summary>
    public DateTimeOffset? LastSuccessfulRefresh => _keys?.LoadedAt;

    /// <summary>Gets a value indicating whether the keys come from the Public Key Endpoint rather than inline.</summary>
    internal bool UsesEndpoint => _loader is not null;

    /// <inheritdoc/>
    public ValueTask<SigningKeyLookup> FindAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (_keys is { } keys && keys.TryFind(keyId, out var found))
        {
            return new(new SigningKeyLookup(SigningKeyLookupStatus.Found, found));
        }

        if (_loader is null)
        {
            return new(LookUpCached(keyId));
        }

        var refresh = JoinOrStartRefresh(keyId);
        return refresh is null ? new(LookUpCached(keyId)) : WaitForRefreshAsync(refresh, keyId, cancellationToken);
    }

    /// <summary>Starts or joins a refresh like <see cref="RefreshAsync(KeyRefreshTrigger, CancellationToken)"/>, counted as periodic.</summary>
    /// <param name="cancellationToken">Ends this caller's wait, but not the shared fetch.</param>
    /// <returns>Whether the fetch loaded usable keys. With an inline JWKS, whether it contains one.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(KeyRefreshTrigger.Periodic, cancellationToken);

    /// <summary>
    /// Fetches the JWKS now, or joins the fetch already running, and replaces the keys if it finds a usable one.
    /// The refresh cooldown does not apply. With an inline JWKS, nothing is fetched.
    /// </summary>
    /// <param name="trigger">The reason for a new fetch, which the refresh counter records. A joined fetch keeps its own.</param>
    /// <param name="cancellationToken">Ends this caller's wait, but not the shared fetch.</param>
    /// <returns>Whether the fetch loaded usable keys. With an inline JWKS, whether it contains one.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<bool> RefreshAsync(KeyRefreshTrigger trigger, CancellationToken cancellationToken)
    {
        if (_loader is null)
        {
            return _keys is not null;
        }

        Task<bool>? refresh;
        lock (_refreshLock)
        {
            refresh = _refresh is { IsCompleted: false } running ? running : BeginRefresh(trigger);
        }

        return refresh is not null && await refresh.WaitAsync(cancellationToken);
    }

    /// <summary>Cancels a running fetch and starts no new one. Lookups keep using the cached keys.</summary>
    public void Dispose()
    {
        lock (_refreshLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _disposal.Cancel();
        _disposal.Dispose();
    }

    private SigningKeyLookup LookUpCached(string? keyId)
    {
        var keys = _keys;
        if (keys is null)
        {
            return new SigningKeyLookup(SigningKeyLookupStatus.KeysUnavailable, []);
        }

        return keys.TryFind(keyId, out var found)
            ? new SigningKeyLookup(SigningKeyLookupStatus.Found, found)
            : new SigningKeyLookup(SigningKeyLookupStatus.UnknownKey, []);
    }

    private async ValueTask<SigningKeyLookup> WaitForRefreshAsync(Task<bool> refresh, string? keyId, CancellationToken cancellationToken)
    {
        try
        {
            await refresh.WaitAsync(_fetchTimeout, _timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            Log.RefreshWaitTimedOut(_logger, _fetchTimeout, keyId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The refresh logged its own failure; the lookup uses the keys still cached.
            Log.RefreshFailedUnexpectedly(_logger, exception, keyId);
        }

        return LookUpCached(keyId);
    }
}
