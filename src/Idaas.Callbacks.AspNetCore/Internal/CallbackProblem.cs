using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Idaas.Callbacks.AspNetCore.Internal;

/// <summary>
/// Writes rejections as RFC 9457 problem details: status, title, <c>detail</c> and a <c>reason</c> extension
/// with the <see cref="CallbackRejectionReason"/> name. A 503 also gets a <c>Retry-After</c> header.
/// </summary>
internal static class CallbackProblem
{
    /// <summary>
    /// The <c>Retry-After</c> seconds for most 503 responses: the signing keys cannot be fetched or lack the
    /// token's key, or the host is stopping.
    /// </summary>
    public const int DefaultRetryAfterSeconds = 10;

    /// <summary>The <c>Retry-After</c> seconds for a full inbox, which the dispatcher drains continuously.</summary>
    public const int InboxFullRetryAfterSeconds = 5;

    /// <summary>
    /// The <c>Retry-After</c> seconds when an operator must fix the encryption key or policy, which takes
    /// longer than a key refresh.
    /// </summary>
    public const int ConfigurationRetryAfterSeconds = 60;

    /// <summary>Writes one rejection as a problem details response.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, CallbackRejectionReason reason, string detail)
    {
        if (statusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds(reason).ToString(CultureInfo.InvariantCulture);
        }

        var problem = TypedResults.Problem(
            detail: detail,
            statusCode: statusCode,
            title: Title(statusCode),
            extensions: new Dictionary<string, object?> { ["reason"] = reason.ToString() });
        await problem.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static int RetryAfterSeconds(CallbackRejectionReason reason) => reason switch
    {
        CallbackRejectionReason.InboxFull => InboxFullRetryAfterSeconds,
        CallbackRejectionReason.EncryptionRequired
            or CallbackRejectionReason.DecryptionFailed
            or CallbackRejectionReason.MalformedBusinessData => ConfigurationRetryAfterSeconds,
        _ => DefaultRetryAfterSeconds,
    };

    private static string Title(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "Invalid callback",
        StatusCodes.Status413PayloadTooLarge => "Callback too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status503ServiceUnavailable => "Callback not accepted now; retry later",
        _ => ReasonPhrases.GetReasonPhrase(statusCode),
    };
}
