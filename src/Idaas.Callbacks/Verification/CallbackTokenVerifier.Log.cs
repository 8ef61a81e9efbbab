using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Verification;

public sealed partial class CallbackTokenVerifier
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, EventName = "TokenRejected", Level = LogLevel.Information, Message = "Callback token rejected: {Reason}. {Detail}")]
        public static partial void TokenRejected(ILogger logger, CallbackRejectionReason reason, string detail);

        [LoggerMessage(EventId = 1001, EventName = "SignatureCheckFailed", Level = LogLevel.Warning, Message = "Signature check with key {KeyId} failed with {ExceptionType}.")]
        public static partial void SignatureCheckFailed(ILogger logger, string? keyId, string exceptionType);
    }
}
