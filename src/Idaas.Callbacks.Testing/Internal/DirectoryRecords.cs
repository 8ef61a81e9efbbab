using System.Globalization;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>The stored state of a simulated account. Times are milliseconds since the Unix epoch, -1 for none.</summary>
internal sealed class UserRecord
{
    /// <summary>The creation order within the directory, which orders a full push.</summary>
    public required long Sequence { get; init; }

    public required string UserId { get; init; }

    public required string Username { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Description { get; set; }

    public string Status { get; set; } = "enabled";

    public long LockExpireTime { get; set; } = -1;

    public required string PrimaryOrganizationalUnitId { get; set; }

    public required long CreateTime { get; init; }

    public required long UpdateTime { get; set; }

    /// <summary>The number of changes so far, served as the SCIM <c>meta.version</c>.</summary>
    public long Version { get; set; }

    /// <summary>The SCIM attributes that the directory has no field for, as last written through SCIM.</summary>
    public JsonObject? ScimAttributes { get; set; }
}

/// <summary>The stored state of a simulated organizational unit.</summary>
internal sealed class OrganizationalUnitRecord
{
    /// <summary>The creation order within the directory, which orders a full push.</summary>
    public required long Sequence { get; init; }

    public required string OrganizationalUnitId { get; init; }

    public required string Name { get; set; }

    public string? ParentId { get; set; }

    public string? Description { get; set; }

    public required long CreateTime { get; init; }

    public required long UpdateTime { get; set; }
}

/// <summary>The stored state of a simulated group and its member account ids.</summary>
internal sealed class GroupRecord
{
    /// <summary>The creation order within the directory, which orders a full push.</summary>
    public required long Sequence { get; init; }

    public required string GroupId { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public HashSet<string> MemberIds { get; } = new(StringComparer.Ordinal);

    public required long CreateTime { get; init; }

    public required long UpdateTime { get; set; }

    /// <summary>The number of changes so far, served as the SCIM <c>meta.version</c>.</summary>
    public long Version { get; set; }

    /// <summary>The SCIM attributes that the directory has no field for, as last written through SCIM.</summary>
    public JsonObject? ScimAttributes { get; set; }
}

/// <summary>Writes directory records as <c>bizData</c> objects in one <see cref="SimulatorWireFormat"/>.</summary>
internal sealed class RecordWriter(SimulatorWireFormat format, string instanceId)
{
    private bool IsLegacy => format == SimulatorWireFormat.Legacy2022;

    public JsonObject WriteUser(UserRecord user, IReadOnlyDictionary<string, OrganizationalUnitRecord> units, bool includePassword)
    {
        var primaryUnitName = units.TryGetValue(user.PrimaryOrganizationalUnitId, out var unit) ? unit.Name : null;
        var membership = new JsonObject
        {
            ["organizationalUnitId"] = user.PrimaryOrganizationalUnitId,
            [IsLegacy ? "name" : "organizationalUnitName"] = primaryUnitName,
            ["primary"] = true,
        };

        var data = new JsonObject
        {
            ["userId"] = user.UserId,
            ["username"] = user.Username,
            ["displayName"] = user.DisplayName,
            [IsLegacy ? "externalId" : "userExternalId"] = user.UserId,
            [IsLegacy ? "sourceType" : "userSourceType"] = "build_in",
            [IsLegacy ? "sourceId" : "userSourceId"] = instanceId,
        };
        if (includePassword && user.Password is not null)
        {
            data["password"] = user.Password;
        }

        data["passwordSet"] = user.Password is not null;
        data["email"] = user.Email;
        data["emailVerified"] = user.Email is not null;
        data["status"] = user.Status;
        data["accountExpireTime"] = Time(-1);
        data["lockExpireTime"] = Time(user.LockExpireTime);
        data["registerTime"] = Time(user.CreateTime);
        data["createTime"] = Time(user.CreateTime);
        data[IsLegacy ? "lastUpdatedTime" : "updateTime"] = Time(user.UpdateTime);
        data["description"] = user.Description;
        if (IsLegacy)
        {
            data["organizationalUnits"] = new JsonArray(membership);
        }
        else
        {
            data["primaryOrganizationalUnitId"] = user.PrimaryOrganizationalUnitId;
            data["userOrganizationalUnits"] = new JsonArray(membership);
        }

        return data;
    }

    public JsonObject WriteOrganizationalUnit(OrganizationalUnitRecord unit) => new()
    {
        ["organizationalUnitId"] = unit.OrganizationalUnitId,
        [IsLegacy ? "name" : "organizationalUnitName"] = unit.Name,
        ["parentId"] = unit.ParentId,
        [IsLegacy ? "externalId" : "organizationalUnitExternalId"] = unit.OrganizationalUnitId,
        [IsLegacy ? "sourceType" : "organizationalUnitSourceType"] = "build_in",
        [IsLegacy ? "sourceId" : "organizationalUnitSourceId"] = instanceId,
        ["createTime"] = Time(unit.CreateTime),
        [IsLegacy ? "lastUpdatedTime" : "updateTime"] = Time(unit.UpdateTime),
        ["description"] = unit.Description,
    };

    // NOTE: IDaaS publishes no group schema. The names follow the EIAM OpenAPI group model, and no 2022 group
    // callback is known, so both formats use the same names here.
    public JsonObject WriteGroup(GroupRecord group) => new()
    {
        ["groupId"] = group.GroupId,
        ["groupName"] = group.Name,
        ["groupExternalId"] = group.GroupId,
        ["groupSourceType"] = "build_in",
        ["groupSourceId"] = instanceId,
        ["createTime"] = Time(group.CreateTime),
        ["updateTime"] = Time(group.UpdateTime),
        ["description"] = group.Description,
    };

    /// <summary>Writes the record of a deleted object: complete in the current format, only the id in 2022 data.</summary>
    public JsonObject WriteDeleted(string idName, string id, Func<JsonObject> writeComplete)
        => IsLegacy ? new JsonObject { [idName] = id } : writeComplete();

    // 2022 callbacks sent times as strings of digits.
    private JsonValue Time(long milliseconds)
        => IsLegacy ? JsonValue.Create(milliseconds.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(milliseconds);
}
