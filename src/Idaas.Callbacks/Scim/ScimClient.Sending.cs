using System.Net.Http.Headers;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

public sealed partial class ScimClient
{
    private const string ScimMediaType = "application/scim+json";

    /// <summary>
    /// Sends one request with the rate limit, the bearer token and retries, and returns the final response or the
    /// failure after which no response arrived.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute URL.</param>
    /// <param name="body">The JSON body, or <see langword="null"/> for none; sent again on each attempt.</param>
    /// <param name="ifMatch">The entity tag for <c>If-Match</c>, or <see langword="null"/>.</param>
    /// <param name="ifNoneMatch">The entity tag for <c>If-None-Match</c>, or <see langword="null"/>.</param>
    /// <param name="repeatable">Whether the request may be repeated after a response was lost or a temporary failure.</param>
    /// <param name="budget">The retries left to the calling operation.</param>
    /// <param name="cancellationToken">Cancels the request and the waits.</param>
    private async Task<ScimSendResult> SendAsync(
        HttpMethod method,
        Uri uri,
        byte[]? body,
        string? ifMatch,
        string? ifNoneMatch,
        bool repeatable,
        ScimRetryBudget budget,
        CancellationToken cancellationToken)
    {
        var path = uri.AbsolutePath;
        var refreshedToken = false;
        while (true)
        {
            // The token comes first because a token request takes a place in the rate limit of its own.
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            ScimSendResult result;
            using (await _rateLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                result = await SendOnceAsync(method, uri, body, ifMatch, ifNoneMatch, token, cancellationToken).ConfigureAwait(false);
            }

            // A 401 with a cached client-credentials token usually means the token expired early or was revoked.
            if (result.Response is { StatusCode: 401 } && _tokens.CanRefresh && !refreshedToken)
            {
                ScimLog.AccessTokenRejected(_logger, method.Method, path);
                _tokens.Invalidate(token);
                refreshedToken = true;
                continue;
            }

            string reason;
            TimeSpan? retryAfter = null;
            if (result.Response is { } response)
            {
                if (response.StatusCode == 429)
                {
                    // The service provider did not act on a throttled request, so any request may be repeated.
                    reason = "HTTP 429";
                    retryAfter = response.RetryAfter;
                }
                else if (repeatable && _options.TransientStatusCodes.Contains(response.StatusCode))
                {
                    reason = $"HTTP {response.StatusCode}";
                    retryAfter = response.RetryAfter;
                }
                else
                {
                    return result;
                }
            }
            else if (repeatable)
            {
                reason = result.Failure is TimeoutException ? "timed out" : "no response";
            }
            else
            {
                return result;
            }

            if (budget.TryTakeRetry(retryAfter) is not { } delay)
            {
                ScimLog.RetriesExhausted(_logger, method.Method, path, reason, budget.Retries);
                return result;
            }

            ScimLog.RequestRetrying(_logger, method.Method, path, reason, budget.Retries, _options.MaxRetryAttempts, delay);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ScimSendResult> SendOnceAsync(HttpMethod method, Uri uri, byte[]? body, string? ifMatch, string? ifNoneMatch, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ScimMediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(JsonMediaType));
        if (ifMatch is not null)
        {
            // Entity tags are sent as the server wrote them, weak prefix included (RFC 9110 section 8.8.3).
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(ScimMediaType) { CharSet = "utf-8" };
        }

        using var timeout = _options.RequestTimeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = _timeProvider.GetTimestamp();
        ScimSendResult result;
        try
        {
            using var response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var bytes = await ScimResponseReader.ReadBodyAsync(response.Content, _options.MaxResponseBytes, linked.Token).ConfigureAwait(false);
            var retryAfter = ScimRetryAfter.Read(response.Headers.RetryAfter, _timeProvider.GetUtcNow());
            var etag = response.Headers.ETag?.ToString();
            result = new ScimSendResult(new ScimHttpResponse((int)response.StatusCode, bytes, response.Content.Headers.ContentType?.MediaType, retryAfter, etag), null);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            result = new ScimSendResult(null, new TimeoutException($"The SCIM request timed out after {_options.RequestTimeout}.", exception));
        }
        catch (HttpRequestException exception)
        {
            result = new ScimSendResult(null, exception);
        }
        catch (Exception exception)
        {
            _metrics.RecordRequest(method.Method, null, exception.GetType().FullName, _timeProvider.GetElapsedTime(started));
            throw;
        }

        _metrics.RecordRequest(method.Method, result.Response?.StatusCode, ErrorTypeOf(result), _timeProvider.GetElapsedTime(started));
        return result;
    }

    // The OpenTelemetry HTTP convention: the status code for an error status, else the exception type.
    private static string? ErrorTypeOf(ScimSendResult result) => result.Response is { } response
        ? response.StatusCode >= 400 ? response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : null
        : result.Failure!.GetType().FullName;

    /// <summary>Returns the response, or throws for a request that received no response.</summary>
    private static ScimHttpResponse RequireResponse(ScimSendResult result, string operation) => result.Response
        ?? throw new ScimException($"{operation} received no response: {result.Failure!.Message}", result.Failure);
}
