// The group event records differ only in type, so they share one file.

namespace Idaas.Callbacks.Events;

/// <summary>A group was created (<see cref="IdaasEventTypes.GroupCreated"/>).</summary>
public sealed record GroupCreatedEvent : GroupEvent;

/// <summary>The basic information of a group changed (<see cref="IdaasEventTypes.GroupUpdated"/>).</summary>
public sealed record GroupUpdatedEvent : GroupEvent;

/// <summary>A group was deleted (<see cref="IdaasEventTypes.GroupDeleted"/>).</summary>
public sealed record GroupDeletedEvent : GroupEvent;

/// <summary>A member was added to a group (<see cref="IdaasEventTypes.GroupUserAdded"/>).</summary>
/// <remarks>
/// IDaaS does not document how this event names the member. Members this library does not map, which include
/// any member ids, are kept in <see cref="IdaasGroup.AdditionalProperties"/>.
/// </remarks>
public sealed record GroupUserAddedEvent : GroupEvent;

/// <summary>A member was removed from a group (<see cref="IdaasEventTypes.GroupUserRemoved"/>).</summary>
/// <remarks>
/// IDaaS does not document how this event names the member. Members this library does not map, which include
/// any member ids, are kept in <see cref="IdaasGroup.AdditionalProperties"/>.
/// </remarks>
public sealed record GroupUserRemovedEvent : GroupEvent;

/// <summary>A group sent by a full push from the console (<see cref="IdaasEventTypes.GroupPushed"/>).</summary>
/// <remarks>A full push resends existing groups, so handle it as an insert-or-update.</remarks>
public sealed record GroupPushedEvent : GroupEvent;
