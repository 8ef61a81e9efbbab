using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>Creates the organizational-unit event record that matches an event type URN.</summary>
internal static class OrganizationalUnitEventFactory
{
    private static readonly FrozenDictionary<string, Func<EventHeader, IdaasOrganizationalUnit, OrganizationalUnitEvent>> Factories =
        new Dictionary<string, Func<EventHeader, IdaasOrganizationalUnit, OrganizationalUnitEvent>>(StringComparer.Ordinal)
        {
            [IdaasEventTypes.OrganizationalUnitCreated] = static (h, unit) => new OrganizationalUnitCreatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, OrganizationalUnit = unit,
            },
            [IdaasEventTypes.OrganizationalUnitDeleted] = static (h, unit) => new OrganizationalUnitDeletedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, OrganizationalUnit = unit,
            },
            [IdaasEventTypes.OrganizationalUnitUpdated] = static (h, unit) => new OrganizationalUnitUpdatedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, OrganizationalUnit = unit,
            },
            [IdaasEventTypes.OrganizationalUnitMoved] = static (h, unit) => new OrganizationalUnitMovedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, OrganizationalUnit = unit,
            },
            [IdaasEventTypes.OrganizationalUnitUserAdded] = static (h, unit) => new OrganizationalUnitUserAddedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, OrganizationalUnit = unit,
            },
            [IdaasEventTypes.OrganizationalUnitUserRemoved] = static (h, unit) => new OrganizationalUnitUserRemovedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, OrganizationalUnit = unit,
            },
            [IdaasEventTypes.OrganizationalUnitPushed] = static (h, unit) => new OrganizationalUnitPushedEvent
            {
                EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
                InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
                BatchIndex = h.BatchIndex, OrganizationalUnit = unit,
            },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Looks up the factory for an organizational-unit event type, or returns <see langword="false"/> for any other type.</summary>
    public static bool TryGetFactory(string eventType, [NotNullWhen(true)] out Func<EventHeader, IdaasOrganizationalUnit, OrganizationalUnitEvent>? factory)
        => Factories.TryGetValue(eventType, out factory);
}
