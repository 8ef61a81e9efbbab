using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Log messages of the SCIM client, event ids 6000 to 6099. They name methods, paths without query strings,
/// status codes and resource ids, never tokens, secrets, filters or request bodies.
/// </summary>
internal static partial class ScimLog
{
    private const int MaxPrintableLength = 64;

    [LoggerMessage(EventId = 6000, EventName = "ScimRequestRetrying", Level = LogLevel.Warning,
        Message = "SCIM {Method} {Path} failed ({Reason}); retry {Retry} of at most {MaxRetries} in {Delay}.")]
    public static partial void RequestRetrying(ILogger logger, string method, string path, string reason, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 6001, EventName = "ScimRetriesExhausted", Level = LogLevel.Warning,
        Message = "SCIM {Method} {Path} failed ({Reason}) and the retry budget is spent after {Retries} retries.")]
    public static partial void RetriesExhausted(ILogger logger, string method, string path, string reason, int retries);

    [LoggerMessage(EventId = 6002, EventName = "ScimAccessTokenAcquired", Level = LogLevel.Debug,
        Message = "Acquired a SCIM access token from {TokenEndpoint}, valid for {Lifetime}.")]
    public static partial void TokenAcquired(ILogger logger, string tokenEndpoint, TimeSpan lifetime);

    [LoggerMessage(EventId = 6003, EventName = "ScimTokenRequestRejected", Level = LogLevel.Warning,
        Message = "The token endpoint {TokenEndpoint} returned HTTP {StatusCode} without an access token, error {Error}.")]
    public static partial void TokenRejected(ILogger logger, string tokenEndpoint, int statusCode, string error);

    [LoggerMessage(EventId = 6004, EventName = "ScimTokenRequestFailed", Level = LogLevel.Warning,
        Message = "The request to the token endpoint {TokenEndpoint} failed.")]
    public static partial void TokenRequestFailed(ILogger logger, Exception exception, string tokenEndpoint);

    [LoggerMessage(EventId = 6005, EventName = "ScimAccessTokenRejected", Level = LogLevel.Information,
        Message = "SCIM {Method} {Path} returned HTTP 401. Requesting a new access token and sending the request once more.")]
    public static partial void AccessTokenRejected(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 6006, EventName = "ScimCreateResponseLost", Level = LogLevel.Warning,
        Message = "The response to creating a SCIM {ResourceType} was lost ({Reason}); looking the resource up by {LookupAttribute}.")]
    public static partial void CreateResponseLost(ILogger logger, string resourceType, string reason, string lookupAttribute);

    [LoggerMessage(EventId = 6007, EventName = "ScimCreateResolved", Level = LogLevel.Information,
        Message = "Found the SCIM {ResourceType} {ResourceId} whose create response was lost; returning it instead of creating it again.")]
    public static partial void CreateResolved(ILogger logger, string resourceType, string resourceId);

    [LoggerMessage(EventId = 6008, EventName = "ScimPagingStopped", Level = LogLevel.Warning,
        Message = "Stopped listing SCIM {Path}: {Reason}.")]
    public static partial void PagingStopped(ILogger logger, string path, string reason);

    /// <summary>Returns the URL without user information, query or fragment.</summary>
    public static string Describe(Uri endpoint)
        => endpoint.IsAbsoluteUri ? endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative URL)";

    /// <summary>Returns untrusted text shortened, with control characters replaced by <c>?</c>, so it cannot forge log lines.</summary>
    [SuppressMessage("Style", "IDE0057", Justification = "Substring keeps the short path readable.")]
    public static string Printable(string value, int maxLength = MaxPrintableLength)
    {
        var shortened = value.Length > maxLength ? string.Concat(value.AsSpan(0, maxLength), "...") : value;
        return string.Create(shortened.Length, shortened, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
