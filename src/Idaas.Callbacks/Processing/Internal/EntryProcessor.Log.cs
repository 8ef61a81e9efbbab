using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Processing.Internal;

internal sealed partial class EntryProcessor
{
    // Event data can hold passwords, so these lines name events only by id and type.
    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, EventName = "HandlerFailed", Level = LogLevel.Warning, Message = "Handler {HandlerType} failed for event {EventId} ({EventType}) on attempt {Attempt} of {MaxAttempts} with {ExceptionType}; retrying in {RetryDelay}.")]
        public static partial void HandlerFailed(ILogger logger, string? handlerType, string eventId, string eventType, int attempt, int maxAttempts, string exceptionType, TimeSpan retryDelay);

        [LoggerMessage(EventId = 3001, EventName = "HandlerGaveUp", Level = LogLevel.Warning, Message = "Handler {HandlerType} failed for event {EventId} ({EventType}) on the last attempt, {Attempt}, with {ExceptionType}; the event goes to the dead-letter sink.")]
        public static partial void HandlerGaveUp(ILogger logger, string? handlerType, string eventId, string eventType, int attempt, string exceptionType);

        [LoggerMessage(EventId = 3002, EventName = "DeadLetterSinkFailed", Level = LogLevel.Error, Message = "The dead-letter sink failed to store event {EventId} ({EventType}); the event is completed and lost.")]
        public static partial void DeadLetterSinkFailed(ILogger logger, Exception exception, string eventId, string eventType);

        [LoggerMessage(EventId = 3003, EventName = "CompleteFailed", Level = LogLevel.Error, Message = "The inbox failed to complete event {EventId} ({EventType}); a durable inbox may deliver it again.")]
        public static partial void CompleteFailed(ILogger logger, Exception exception, string eventId, string eventType);

        [LoggerMessage(EventId = 3005, EventName = "StaleEventSkipped", Level = LogLevel.Information, Message = "Event {EventId} ({EventType}) is older than an event already handled for its business id; it is skipped because StaleEventPolicy is Skip.")]
        public static partial void StaleEventSkipped(ILogger logger, string eventId, string eventType);

        [LoggerMessage(EventId = 3006, EventName = "NoHandlerRegistered", Level = LogLevel.Warning, Message = "No handler is registered for event {EventId} ({EventType}); the event is completed unhandled. Register one with AddHandler.")]
        public static partial void NoHandlerRegistered(ILogger logger, string eventId, string eventType);
    }
}
