using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Verification;

public sealed partial class CallbackTokenVerifier
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, EventName = "TokenRejected", Level = LogLevel.Information, Message = "Callback token rejected: {Reason}. {Detail}")]
        public static partial void TokenRejected(ILogger logger, CallbackRejectionReason reason, string detail);

        [LoggerMessage(EventId = 1001, EventName = "SignatureCheckFailed", Level = LogLevel.Warning, Message = "Signature check with key {KeyId} failed with {ExceptionType}.")]
        private static partial void SignatureCheckFailedCore(ILogger logger, string keyId, string exceptionType);

        // The kid comes from the JWKS, so it is shortened and stripped of control characters before it is logged.
        public static void SignatureCheckFailed(ILogger logger, string? keyId, string exceptionType)
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                SignatureCheckFailedCore(logger, Keys.Internal.LogText.Printable(keyId), exceptionType);
            }
        }
    }
}
