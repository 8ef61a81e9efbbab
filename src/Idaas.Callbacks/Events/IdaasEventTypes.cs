namespace Idaas.Callbacks.Events;

/// <summary>
/// Event type URNs that IDaaS sends in the <c>eventType</c> member of each event.
/// </summary>
/// <remarks>
/// The organizational-unit <c>add_user</c> and <c>remove_user</c> types appear only in the IDaaS Java SDK, the group
/// types only in the IDaaS documentation, and <see cref="GroupPushed"/> in neither: it follows the naming of the
/// other full-push types.
/// </remarks>
public static class IdaasEventTypes
{
    /// <summary>The prefix shared by every IDaaS callback event type.</summary>
    public const string Prefix = "urn:alibaba:idaas:app:event:";

    /// <summary>The test event sent by the console's test button.</summary>
    public const string Test = Prefix + "common:test";

    /// <summary>An account was created.</summary>
    public const string UserCreated = Prefix + "ud:user:create";

    /// <summary>An account was deleted.</summary>
    public const string UserDeleted = Prefix + "ud:user:delete";

    /// <summary>The basic information of an account changed.</summary>
    public const string UserInfoUpdated = Prefix + "ud:user:update_info";

    /// <summary>The password of an account was changed or reset.</summary>
    public const string UserPasswordUpdated = Prefix + "ud:user:update_password";

    /// <summary>An account was disabled.</summary>
    public const string UserDisabled = Prefix + "ud:user:disable";

    /// <summary>An account was enabled.</summary>
    public const string UserEnabled = Prefix + "ud:user:enable";

    /// <summary>An account was locked.</summary>
    public const string UserLocked = Prefix + "ud:user:lock";

    /// <summary>An account was unlocked.</summary>
    public const string UserUnlocked = Prefix + "ud:user:unlock";

    /// <summary>An account moved to another primary organizational unit.</summary>
    public const string UserPrimaryOrganizationalUnitUpdated = Prefix + "ud:user:update_primary_ou";

    /// <summary>An account sent by a full push from the console.</summary>
    public const string UserPushed = Prefix + "ud:user:push";

    /// <summary>An organizational unit was created.</summary>
    public const string OrganizationalUnitCreated = Prefix + "ud:organizational_unit:create";

    /// <summary>An organizational unit was deleted.</summary>
    public const string OrganizationalUnitDeleted = Prefix + "ud:organizational_unit:delete";

    /// <summary>The information of an organizational unit changed.</summary>
    public const string OrganizationalUnitUpdated = Prefix + "ud:organizational_unit:update";

    /// <summary>An organizational unit moved to another parent.</summary>
    public const string OrganizationalUnitMoved = Prefix + "ud:organizational_unit:update_parent_organizational_unit";

    /// <summary>An account was added to an organizational unit.</summary>
    public const string OrganizationalUnitUserAdded = Prefix + "ud:organizational_unit:add_user";

    /// <summary>An account was removed from an organizational unit.</summary>
    public const string OrganizationalUnitUserRemoved = Prefix + "ud:organizational_unit:remove_user";

    /// <summary>An organizational unit sent by a full push from the console.</summary>
    public const string OrganizationalUnitPushed = Prefix + "ud:organizational_unit:push";

    /// <summary>A group was created.</summary>
    public const string GroupCreated = Prefix + "ud:group:create";

    /// <summary>The basic information of a group changed.</summary>
    public const string GroupUpdated = Prefix + "ud:group:update";

    /// <summary>A group was deleted.</summary>
    public const string GroupDeleted = Prefix + "ud:group:delete";

    /// <summary>A member was added to a group.</summary>
    public const string GroupUserAdded = Prefix + "ud:group:add_user";

    /// <summary>A member was removed from a group.</summary>
    public const string GroupUserRemoved = Prefix + "ud:group:remove_user";

    /// <summary>A group sent by a full push from the console.</summary>
    public const string GroupPushed = Prefix + "ud:group:push";
}
