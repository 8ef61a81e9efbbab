// The account event records differ only in type, so they share one file.

namespace Idaas.Callbacks.Events;

/// <summary>An account was created (<see cref="IdaasEventTypes.UserCreated"/>).</summary>
/// <remarks><see cref="IdaasUser.Password"/> is set only when password synchronization is enabled in IDaaS.</remarks>
public sealed record UserCreatedEvent : UserEvent;

/// <summary>An account was deleted (<see cref="IdaasEventTypes.UserDeleted"/>).</summary>
/// <remarks>The record may hold only <see cref="IdaasUser.UserId"/>.</remarks>
public sealed record UserDeletedEvent : UserEvent;

/// <summary>The basic information of an account changed (<see cref="IdaasEventTypes.UserInfoUpdated"/>).</summary>
public sealed record UserInfoUpdatedEvent : UserEvent;

/// <summary>The password of an account was changed or reset (<see cref="IdaasEventTypes.UserPasswordUpdated"/>).</summary>
/// <remarks><see cref="IdaasUser.Password"/> is set only when password synchronization is enabled in IDaaS.</remarks>
public sealed record UserPasswordUpdatedEvent : UserEvent;

/// <summary>An account was disabled (<see cref="IdaasEventTypes.UserDisabled"/>).</summary>
public sealed record UserDisabledEvent : UserEvent;

/// <summary>An account was enabled (<see cref="IdaasEventTypes.UserEnabled"/>).</summary>
public sealed record UserEnabledEvent : UserEvent;

/// <summary>An account was locked (<see cref="IdaasEventTypes.UserLocked"/>).</summary>
public sealed record UserLockedEvent : UserEvent;

/// <summary>An account was unlocked (<see cref="IdaasEventTypes.UserUnlocked"/>).</summary>
public sealed record UserUnlockedEvent : UserEvent;

/// <summary>
/// An account moved to another primary organizational unit (<see cref="IdaasEventTypes.UserPrimaryOrganizationalUnitUpdated"/>).
/// </summary>
public sealed record UserPrimaryOrganizationalUnitUpdatedEvent : UserEvent;

/// <summary>An account sent by a full push from the console (<see cref="IdaasEventTypes.UserPushed"/>).</summary>
/// <remarks>A full push resends existing accounts, so handle it as an insert-or-update.</remarks>
public sealed record UserPushedEvent : UserEvent;
