using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.IdentityModel.Protocols;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Retrieves a JWKS document over HTTP with the SDK's rules: HTTPS unless the host is loopback, no redirects,
/// a success status, and a body no larger than a byte limit.
/// </summary>
/// <remarks>
/// The size limit is enforced twice: a larger <c>Content-Length</c> fails before the body is read, and the body
/// is counted while it streams, so an oversized body without a length is cut off at the limit instead of being
/// buffered. Failures throw <see cref="JwksRetrievalException"/>, which carries the status code and content type
/// but never the body.
/// </remarks>
internal sealed class JwksDocumentRetriever : IDocumentRetriever
{
    private const int ReadChunkBytes = 16 * 1024;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly HttpClient _httpClient;
    private readonly int _maxResponseBytes;

    /// <summary>Creates a retriever that sends its requests through <paramref name="httpClient"/>.</summary>
    /// <param name="httpClient">The client. Its handler should not follow redirects, but a followed one still fails.</param>
    /// <param name="maxResponseBytes">The largest accepted body in bytes.</param>
    public JwksDocumentRetriever(HttpClient httpClient, int maxResponseBytes)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResponseBytes);

        _httpClient = httpClient;
        _maxResponseBytes = maxResponseBytes;
    }

    /// <inheritdoc/>
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);

        var response = await RetrieveAsync(new Uri(address, UriKind.Absolute), cancel);
        return response.Content;
    }

    /// <summary>
    /// Sends a GET request to <paramref name="endpoint"/> and returns the body with its status and content type.
    /// </summary>
    /// <exception cref="JwksRetrievalException">The endpoint or the response was rejected.</exception>
    /// <exception cref="HttpRequestException">The request failed, for example because the host was not found.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<JwksResponse> RetrieveAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!JwksEndpointPolicy.IsAllowed(endpoint))
        {
            throw new JwksRetrievalException(
                JwksRetrievalFailure.EndpointNotAllowed,
                "The endpoint must use HTTPS unless its host is localhost or a loopback address.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jwk-set+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var statusCode = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.MediaType;

        // A handler configured elsewhere might follow redirects, so the final request URL is compared too.
        if (statusCode is >= 300 and < 400 || response.RequestMessage is { RequestUri: { } finalUri } && finalUri != endpoint)
        {
            throw new JwksRetrievalException(JwksRetrievalFailure.Redirect, "Redirects are not followed.", statusCode, contentType);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new JwksRetrievalException(JwksRetrievalFailure.HttpStatus, "The status code is not a success code.", statusCode, contentType);
        }

        if (response.Content.Headers.ContentLength > _maxResponseBytes)
        {
            throw TooLarge(statusCode, contentType);
        }

        var body = await ReadLimitedAsync(response.Content, cancellationToken)
            ?? throw TooLarge(statusCode, contentType);

        // Some servers send a UTF-8 byte order mark before the JSON text. It is not part of the document.
        var text = body.AsSpan();
        if (text.StartsWith(Utf8ByteOrderMark))
        {
            text = text[Utf8ByteOrderMark.Length..];
        }

        try
        {
            return new JwksResponse(StrictUtf8.GetString(text), statusCode, contentType);
        }
        catch (DecoderFallbackException)
        {
            throw new JwksRetrievalException(JwksRetrievalFailure.InvalidEncoding, "The body is not valid UTF-8.", statusCode, contentType);
        }
    }

    private JwksRetrievalException TooLarge(int statusCode, string? contentType) => new(
        JwksRetrievalFailure.ResponseTooLarge,
        $"The body is larger than {_maxResponseBytes} bytes.",
        statusCode,
        contentType);

    // Returns null as soon as the body exceeds the limit, and the caller's disposal of the response aborts the
    // rest of the transfer.
    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var initialCapacity = (int)Math.Min(content.Headers.ContentLength ?? ReadChunkBytes, _maxResponseBytes);
        using var body = new MemoryStream(initialCapacity);
        var chunk = ArrayPool<byte>.Shared.Rent(ReadChunkBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ReadChunkBytes), cancellationToken)) > 0)
            {
                if (body.Length + read > _maxResponseBytes)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
