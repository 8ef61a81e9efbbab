namespace Idaas.Callbacks.Samples.Receiver.Handlers;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "EventApplied", Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) for {ObjectId} changed the local directory.")]
    public static partial void EventApplied(ILogger logger, string eventId, string eventType, string objectId);

    [LoggerMessage(EventId = 101, EventName = "EventIgnored", Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) for {ObjectId} is not newer than the stored state and was ignored.")]
    public static partial void EventIgnored(ILogger logger, string eventId, string eventType, string objectId);

    [LoggerMessage(EventId = 102, EventName = "ObjectIdMissing", Level = LogLevel.Warning, Message = "Event {EventId} ({EventType}) has no object id and was ignored.")]
    public static partial void ObjectIdMissing(ILogger logger, string eventId, string eventType);

    [LoggerMessage(EventId = 103, EventName = "MemberIdMissing", Level = LogLevel.Warning, Message = "Group event {EventId} ({EventType}) for {GroupId} names no member in \"userId\"; only the group record was stored.")]
    public static partial void MemberIdMissing(ILogger logger, string eventId, string eventType, string groupId);

    [LoggerMessage(EventId = 104, EventName = "TestEventReceived", Level = LogLevel.Information, Message = "Test event {EventId} received from instance {InstanceId}.")]
    public static partial void TestEventReceived(ILogger logger, string eventId, string instanceId);

    [LoggerMessage(EventId = 105, EventName = "EventNotStored", Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) is not stored by this sample.")]
    public static partial void EventNotStored(ILogger logger, string eventId, string eventType);
}
