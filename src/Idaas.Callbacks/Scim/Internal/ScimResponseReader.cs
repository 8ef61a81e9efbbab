using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Reads response bodies within a size limit, and turns error responses into exceptions.
/// </summary>
internal static class ScimResponseReader
{
    private const int ChunkBytes = 16 * 1024;
    private const int MaxExcerptLength = 200;

    /// <summary>Reads the whole body, or throws when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="ScimException">The body is larger than the limit.</exception>
    public static async Task<byte[]> ReadBodyAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes)
                    {
                        throw TooLarge(maxBytes);
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

    /// <summary>
    /// Creates the exception for an error response: the typed one for 409 and 412, and the SCIM error body when
    /// the body is one, else the start of the body as text.
    /// </summary>
    public static ScimException ToException(ScimHttpResponse response, string operation)
    {
        var error = TryParseError(response.Body);
        var excerpt = error is null ? Excerpt(response.Body) : null;
        var message = error is null
            ? $"{operation} failed with HTTP {response.StatusCode}; the body is not a SCIM error ({response.ContentType ?? "no content type"}): {excerpt}"
            : $"{operation} failed with HTTP {response.StatusCode}, scimType {error.ScimType ?? "(none)"}: {error.Detail ?? "(no detail)"}";
        return response.StatusCode switch
        {
            409 => new ScimConflictException(message, error, excerpt),
            412 => new ScimPreconditionFailedException(message + " Read the resource again and repeat the change with its new version.", error, excerpt),
            _ => new ScimException(message, response.StatusCode, error, excerpt),
        };
    }

    /// <summary>Parses a 2xx body as <typeparamref name="T"/>, or throws when it is not valid.</summary>
    /// <exception cref="ScimException">The body is empty or not valid JSON for the type.</exception>
    public static T ReadResource<T>(ScimHttpResponse response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string operation)
        where T : class
    {
        try
        {
            if (response.Body.Length > 0 && JsonSerializer.Deserialize(response.Body, typeInfo) is { } value)
            {
                return value;
            }
        }
        catch (JsonException exception)
        {
            throw new ScimException($"{operation} returned HTTP {response.StatusCode} with a body that is not a valid {typeof(T).Name}: {exception.Message}", response.StatusCode, null, Excerpt(response.Body), exception);
        }

        throw new ScimException($"{operation} returned HTTP {response.StatusCode} with an empty body; expected a {typeof(T).Name}.", response.StatusCode, null, null);
    }

    private static ScimError? TryParseError(byte[] body)
    {
        var text = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, ScimJsonContext.Default.ScimError);
            return error is { Status: null, ScimType: null, Detail: null } ? null : error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(byte[] body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxExcerptLength * 4));
        return ScimLog.Printable(text.Length > MaxExcerptLength ? text[..MaxExcerptLength] : text, MaxExcerptLength);
    }

    private static ScimException TooLarge(int maxBytes)
        => new($"The SCIM response body is larger than ScimClientOptions.MaxResponseBytes ({maxBytes} bytes).");
}
