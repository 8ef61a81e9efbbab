using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>Creates the account event record that matches an event type URN.</summary>
internal static class UserEventFactory
{
    private static readonly FrozenDictionary<string, Func<EventHeader, IdaasUser, UserEvent>> Factories =
        new Dictionary<string, Func<EventHeader, IdaasUser, UserEvent>>(StringComparer.Ordinal)
        {
            [IdaasEventTypes.UserCreated] = static (h, user) => new UserCreatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserDeleted] = static (h, user) => new UserDeletedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserInfoUpdated] = static (h, user) => new UserInfoUpdatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserPasswordUpdated] = static (h, user) => new UserPasswordUpdatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserDisabled] = static (h, user) => new UserDisabledEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserEnabled] = static (h, user) => new UserEnabledEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserLocked] = static (h, user) => new UserLockedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserUnlocked] = static (h, user) => new UserUnlockedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserPrimaryOrganizationalUnitUpdated] = static (h, user) => new UserPrimaryOrganizationalUnitUpdatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
            [IdaasEventTypes.UserPushed] = static (h, user) => new UserPushedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, User = user,
            },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Looks up the factory for an account event type, or returns <see langword="false"/> for any other type.</summary>
    public static bool TryGetFactory(string eventType, [NotNullWhen(true)] out Func<EventHeader, IdaasUser, UserEvent>? factory)
        => Factories.TryGetValue(eventType, out factory);
}
