using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Processing;

internal sealed partial class CallbackIntake
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 4050, EventName = "CallbackTaken", Level = LogLevel.Debug, Message = "Callback {TokenId} taken: {EnqueuedCount} events enqueued, {DuplicateCount} duplicates, {SkippedCount} without a handler, {FailedCount} undecodable.")]
        public static partial void CallbackTaken(ILogger logger, string tokenId, int enqueuedCount, int duplicateCount, int skippedCount, int failedCount);

        [LoggerMessage(EventId = 4051, EventName = "InboxRejectedBatch", Level = LogLevel.Warning, Message = "Callback {TokenId} was not taken because the inbox is {Status}; none of its {EventCount} handled events was acknowledged.")]
        public static partial void BatchRejected(ILogger logger, string tokenId, int eventCount, InboxEnqueueStatus status);

        [LoggerMessage(EventId = 4052, EventName = "FailedEventAcknowledged", Level = LogLevel.Warning, Message = "Event {EventId} at index {BatchIndex} of callback {TokenId} could not be decoded and is acknowledged as failed, so IDaaS will not send it again: {Reason}")]
        public static partial void FailedEventAcknowledged(ILogger logger, string tokenId, string eventId, int batchIndex, string reason);

        [LoggerMessage(EventId = 4053, EventName = "FailedEventWithoutId", Level = LogLevel.Warning, Message = "The event at index {BatchIndex} of callback {TokenId} could not be decoded and has no event id, so the acknowledgement cannot list it: {Reason}")]
        public static partial void FailedEventWithoutId(ILogger logger, string tokenId, int batchIndex, string reason);
    }
}
