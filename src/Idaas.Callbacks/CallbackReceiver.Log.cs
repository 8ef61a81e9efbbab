using Idaas.Callbacks.Encryption;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks;

public sealed partial class CallbackReceiver
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, EventName = "CallbackRejected", Level = LogLevel.Information, Message = "Callback rejected: {Reason}. {Detail}")]
        public static partial void CallbackRejected(ILogger logger, CallbackRejectionReason reason, string detail);

        [LoggerMessage(EventId = 1101, EventName = "UnencryptedCallbackAccepted", Level = LogLevel.Warning, Message = "Callback {TokenId} carries unencrypted business data although an encryption key is configured; it was accepted because AllowUnencryptedCallbacks is true.")]
        public static partial void UnencryptedCallbackAccepted(ILogger logger, string tokenId);

        [LoggerMessage(EventId = 1102, EventName = "DecryptionFailed", Level = LogLevel.Debug, Message = "The business data of callback {TokenId} could not be decrypted: {FailureReason}.")]
        public static partial void DecryptionFailed(ILogger logger, string tokenId, DecryptionFailureReason failureReason);
    }
}
