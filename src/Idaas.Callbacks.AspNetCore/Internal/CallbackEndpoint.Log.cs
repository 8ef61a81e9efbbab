using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.AspNetCore.Internal;

internal sealed partial class CallbackEndpoint
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, EventName = "CallbackRejected", Message = "Callback rejected with status {StatusCode}: {Reason}.")]
        public static partial void CallbackRejected(ILogger logger, LogLevel level, int statusCode, CallbackRejectionReason reason);

        [LoggerMessage(EventId = 4001, EventName = "LenientContentType", Message = "Callback request with Content-Type {ContentType} instead of application/json; its body is read as UTF-8 JSON. Later requests like it are logged at Debug.")]
        public static partial void LenientContentType(ILogger logger, LogLevel level, string contentType);

        [LoggerMessage(EventId = 4002, EventName = "BodyReadFailed", Level = LogLevel.Information, Message = "The server failed to read the callback request body, so the callback was rejected with status {StatusCode}.")]
        public static partial void BodyReadFailed(ILogger logger, int statusCode, BadHttpRequestException exception);
    }
}
