using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Fetches and parses the JWKS from the Public Key Endpoint once per call, and logs every outcome.
/// </summary>
internal sealed class JwksLoader
{
    // Beyond this many, skipped entries are counted in one summary line instead of one warning each.
    private const int MaxLoggedSkippedEntries = 20;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly Uri _endpoint;
    private readonly string _endpointForLogs;
    private readonly TimeSpan _fetchTimeout;
    private readonly int _maxResponseBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a loader for <paramref name="endpoint"/>.</summary>
    public JwksLoader(
        IHttpClientFactory httpClientFactory,
        Uri endpoint,
        TimeSpan fetchTimeout,
        int maxResponseBytes,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _httpClientFactory = httpClientFactory;
        _endpoint = endpoint;
        _endpointForLogs = JwksEndpointPolicy.Describe(endpoint);
        _fetchTimeout = fetchTimeout;
        _maxResponseBytes = maxResponseBytes;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Fetches the JWKS within the fetch timeout and returns its usable keys, or <see langword="null"/> when the
    /// fetch failed, the document is invalid or it contains no usable key.
    /// </summary>
    /// <param name="current">The keys in use, for the logs. They are never changed here.</param>
    /// <param name="cancellationToken">Canceled when the cache is disposed.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<SigningKeySet?> LoadAsync(SigningKeySet? current, CancellationToken cancellationToken)
    {
        var cachedKeyCount = current?.Count ?? 0;
        JwksResponse response;
        using (var timeout = new CancellationTokenSource(_fetchTimeout, _timeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken))
        {
            try
            {
                var retriever = new JwksDocumentRetriever(_httpClientFactory.CreateClient(SigningKeyServiceCollectionExtensions.HttpClientName), _maxResponseBytes);
                response = await retriever.RetrieveAsync(_endpoint, linked.Token);
            }
            catch (JwksRetrievalException exception) when (exception.Failure == JwksRetrievalFailure.EndpointNotAllowed)
            {
                Log.JwksEndpointNotAllowed(_logger, _endpointForLogs);
                return null;
            }
            catch (JwksRetrievalException exception)
            {
                Log.JwksResponseRejected(_logger, _endpointForLogs, exception.Failure, exception.StatusCode, exception.ContentType, exception.Message, cachedKeyCount);
                return null;
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // When the fetch timeout did not fire, the cancellation came from elsewhere, such as a shorter
                // HttpClient.Timeout on the named client. Either way the fetch failed.
                if (timeout.IsCancellationRequested)
                {
                    Log.JwksFetchTimedOut(_logger, _endpointForLogs, _fetchTimeout, cachedKeyCount);
                }
                else
                {
                    Log.JwksFetchFailed(_logger, exception, _endpointForLogs, cachedKeyCount);
                }

                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Besides HttpRequestException and IOException, handlers that an application adds to the named
                // client (a circuit breaker, for example) throw their own types. Every one is a failed fetch.
                Log.JwksFetchFailed(_logger, exception, _endpointForLogs, cachedKeyCount);
                return null;
            }
        }

        return ParseAndLog(response, current);
    }

    private SigningKeySet? ParseAndLog(JwksResponse response, SigningKeySet? current)
    {
        var cachedKeyCount = current?.Count ?? 0;
        var result = JwksParser.Parse(response.Content);
        if (result.DocumentError is not null)
        {
            Log.JwksDocumentInvalid(_logger, _endpointForLogs, response.StatusCode, response.ContentType, result.DocumentError, cachedKeyCount);
            return null;
        }

        LogSkippedEntries(_logger, result.SkippedEntries, _endpointForLogs);
        if (result.Keys.Count == 0)
        {
            Log.JwksWithoutUsableKeys(_logger, _endpointForLogs, result.EntryCount, cachedKeyCount);
            return null;
        }

        var loaded = new SigningKeySet(result.Keys, _timeProvider.GetUtcNow());
        if (loaded.HasSameKeys(current))
        {
            Log.SigningKeysUnchanged(_logger, _endpointForLogs, loaded.Count);
        }
        else
        {
            Log.SigningKeysLoaded(_logger, _endpointForLogs, loaded);
        }

        return loaded;
    }

    /// <summary>Logs one warning per skipped entry, up to a limit, and one summary for the rest.</summary>
    public static void LogSkippedEntries(ILogger logger, IReadOnlyList<SkippedJwksEntry> skipped, string source)
    {
        foreach (var entry in skipped.Take(MaxLoggedSkippedEntries))
        {
            Log.JwksEntrySkipped(logger, entry, source);
        }

        if (skipped.Count > MaxLoggedSkippedEntries)
        {
            Log.JwksEntriesSkippedWithoutDetail(logger, skipped.Count - MaxLoggedSkippedEntries, source);
        }
    }
}
