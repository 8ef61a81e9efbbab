using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Idaas.Callbacks.AspNetCore.Internal;

/// <summary>
/// Classifies the request's <c>Content-Type</c> for the callback endpoint. IDaaS sends
/// <c>application/json;charset=utf-8</c>, but proxies and test tools rewrite or drop the header, and the
/// signature, not the header, makes a callback authentic.
/// </summary>
internal static class CallbackContentType
{
    /// <summary>Classifies <paramref name="contentType"/>, the raw header value or <see langword="null"/>.</summary>
    public static ContentTypeCheck Check(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return ContentTypeCheck.Lenient;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return ContentTypeCheck.NotJson;
        }

        if (!IsUtf8(mediaType.Charset))
        {
            return ContentTypeCheck.NotUtf8;
        }

        if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return ContentTypeCheck.Json;
        }

        return mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            ? ContentTypeCheck.Lenient
            : ContentTypeCheck.NotJson;
    }

    // No charset means UTF-8 for application/json (RFC 8259 section 8.1). "utf8" is accepted too, because the
    // IDaaS Java SDK writes it in its own responses.
    private static bool IsUtf8(StringSegment charset)
    {
        var name = HeaderUtilities.RemoveQuotes(charset);
        return name.Length == 0
            || name.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
