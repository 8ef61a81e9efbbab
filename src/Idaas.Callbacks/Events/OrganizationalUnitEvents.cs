// The organizational-unit event records differ only in type, so they share one file.

namespace Idaas.Callbacks.Events;

/// <summary>An organizational unit was created (<see cref="IdaasEventTypes.OrganizationalUnitCreated"/>).</summary>
public sealed record OrganizationalUnitCreatedEvent : OrganizationalUnitEvent;

/// <summary>An organizational unit was deleted (<see cref="IdaasEventTypes.OrganizationalUnitDeleted"/>).</summary>
public sealed record OrganizationalUnitDeletedEvent : OrganizationalUnitEvent;

/// <summary>The information of an organizational unit changed (<see cref="IdaasEventTypes.OrganizationalUnitUpdated"/>).</summary>
public sealed record OrganizationalUnitUpdatedEvent : OrganizationalUnitEvent;

/// <summary>An organizational unit moved to another parent (<see cref="IdaasEventTypes.OrganizationalUnitMoved"/>).</summary>
public sealed record OrganizationalUnitMovedEvent : OrganizationalUnitEvent;

/// <summary>An account was added to an organizational unit (<see cref="IdaasEventTypes.OrganizationalUnitUserAdded"/>).</summary>
/// <remarks>
/// The shape of this event's data is not documented. Members this library does not map are kept in
/// <see cref="IdaasOrganizationalUnit.AdditionalProperties"/>.
/// </remarks>
public sealed record OrganizationalUnitUserAddedEvent : OrganizationalUnitEvent;

/// <summary>An account was removed from an organizational unit (<see cref="IdaasEventTypes.OrganizationalUnitUserRemoved"/>).</summary>
/// <remarks>
/// The shape of this event's data is not documented. Members this library does not map are kept in
/// <see cref="IdaasOrganizationalUnit.AdditionalProperties"/>.
/// </remarks>
public sealed record OrganizationalUnitUserRemovedEvent : OrganizationalUnitEvent;

/// <summary>An organizational unit sent by a full push from the console (<see cref="IdaasEventTypes.OrganizationalUnitPushed"/>).</summary>
/// <remarks>A full push resends existing units, so handle it as an insert-or-update.</remarks>
public sealed record OrganizationalUnitPushedEvent : OrganizationalUnitEvent;
