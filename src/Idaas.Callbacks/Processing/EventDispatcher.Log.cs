using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Processing;

internal sealed partial class EventDispatcher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 3004, EventName = "InboxReadFailed", Level = LogLevel.Error, Message = "Reading the event inbox failed; retrying in {RetryDelay}.")]
        public static partial void InboxReadFailed(ILogger logger, Exception exception, TimeSpan retryDelay);

        [LoggerMessage(EventId = 3010, EventName = "ProcessingFailed", Level = LogLevel.Error, Message = "Processing event {EventId} ({EventType}) failed unexpectedly; the event stays uncompleted.")]
        public static partial void ProcessingFailed(ILogger logger, Exception exception, string eventId, string eventType);

        [LoggerMessage(EventId = 3007, EventName = "DrainStarted", Level = LogLevel.Information, Message = "The host is stopping: the inbox is closed, and the {Count} events taken are handled until the shutdown timeout.")]
        public static partial void DrainStarted(ILogger logger, int count);

        [LoggerMessage(EventId = 3008, EventName = "EventLeftUnhandled", Level = LogLevel.Warning, Message = "Event {EventId} ({EventType}) was not handled before the shutdown timeout.")]
        public static partial void EventLeftUnhandled(ILogger logger, string eventId, string eventType);

        [LoggerMessage(EventId = 3009, EventName = "EventsLeftUnhandled", Level = LogLevel.Warning, Message = "{Count} events were not handled before the shutdown timeout, and {UnreadCount} more were not read from the inbox.")]
        public static partial void EventsLeftUnhandled(ILogger logger, int count, int unreadCount);
    }
}
