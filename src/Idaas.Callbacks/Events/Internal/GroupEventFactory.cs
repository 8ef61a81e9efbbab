using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>Creates the group event record that matches an event type URN.</summary>
internal static class GroupEventFactory
{
    private static readonly FrozenDictionary<string, Func<EventHeader, IdaasGroup, GroupEvent>> Factories =
        new Dictionary<string, Func<EventHeader, IdaasGroup, GroupEvent>>(StringComparer.Ordinal)
        {
            [IdaasEventTypes.GroupCreated] = static (h, group) => new GroupCreatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, Group = group,
            },
            [IdaasEventTypes.GroupUpdated] = static (h, group) => new GroupUpdatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, Group = group,
            },
            [IdaasEventTypes.GroupDeleted] = static (h, group) => new GroupDeletedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, Group = group,
            },
            [IdaasEventTypes.GroupUserAdded] = static (h, group) => new GroupUserAddedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, Group = group,
            },
            [IdaasEventTypes.GroupUserRemoved] = static (h, group) => new GroupUserRemovedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, Group = group,
            },
            [IdaasEventTypes.GroupPushed] = static (h, group) => new GroupPushedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, Group = group,
            },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Looks up the factory for an group event type, or returns <see langword="false"/> for any other type.</summary>
    public static bool TryGetFactory(string eventType, [NotNullWhen(true)] out Func<EventHeader, IdaasGroup, GroupEvent>? factory)
        => Factories.TryGetValue(eventType, out factory);
}
