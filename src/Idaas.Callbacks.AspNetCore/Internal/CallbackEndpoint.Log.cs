using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.AspNetCore.Internal;

internal sealed partial class CallbackEndpoint
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, EventName = "CallbackRejected", Message = "Callback answered {StatusCode}: {Reason}.")]
        public static partial void CallbackRejected(ILogger logger, LogLevel level, int statusCode, CallbackRejectionReason reason);

        [LoggerMessage(EventId = 4001, EventName = "LenientContentType", Message = "Callback request with Content-Type {ContentType} instead of application/json; its body is read as UTF-8 JSON. Later requests like it are logged at Debug.")]
        public static partial void LenientContentType(ILogger logger, LogLevel level, string contentType);

        [LoggerMessage(EventId = 4002, EventName = "BodyReadFailed", Level = LogLevel.Information, Message = "The server could not read the callback request body and answered {StatusCode}.")]
        public static partial void BodyReadFailed(ILogger logger, int statusCode, BadHttpRequestException exception);
    }
}
