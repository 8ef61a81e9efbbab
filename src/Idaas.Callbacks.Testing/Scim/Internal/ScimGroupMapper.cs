using System.Text.Json.Nodes;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>Converts between directory groups and SCIM Group resources; <c>members</c> are the directory's members.</summary>
internal static class ScimGroupMapper
{
    public static JsonObject ToJson(GroupRecord group, Func<string, UserRecord?> findUser, string baseUrl, bool includeMembers)
    {
        var attributes = (JsonObject?)group.ScimAttributes?.DeepClone() ?? [];
        var schemas = new JsonArray(ScimSchemas.Group);
        ScimSchemas.AddExtensionUrns(schemas, attributes);
        var json = new JsonObject
        {
            ["schemas"] = schemas,
            ["id"] = group.GroupId,
        };
        if (attributes["externalId"] is { } externalId)
        {
            attributes.Remove("externalId");
            json["externalId"] = externalId;
        }

        json["displayName"] = group.Name;
        foreach (var (key, value) in attributes.ToList())
        {
            attributes.Remove(key);
            json[key] = value;
        }

        if (includeMembers)
        {
            var members = new JsonArray();
            foreach (var memberId in group.MemberIds.Order(StringComparer.Ordinal))
            {
                members.Add(new JsonObject
                {
                    ["value"] = memberId,
                    ["$ref"] = $"{baseUrl}/Users/{memberId}",
                    ["display"] = findUser(memberId)?.DisplayName,
                    ["type"] = "User",
                });
            }

            json["members"] = members;
        }

        json["meta"] = ScimUserMapper.Meta("Group", group.CreateTime, group.UpdateTime, $"{baseUrl}/Groups/{group.GroupId}", group.Version);
        return json;
    }

    /// <summary>Splits a normalized Group resource into its name, member ids and stored attributes.</summary>
    public static ScimGroupValues ToValues(JsonObject normalized)
    {
        var displayName = ScimJson.AsString(normalized["displayName"]);
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw ScimException.InvalidValue("displayName is required and must be a non-empty string.");
        }

        var memberIds = new List<string>();
        foreach (var member in normalized["members"] as JsonArray ?? [])
        {
            var id = member is JsonObject value ? ScimJson.AsString(value["value"]) : null;
            if (string.IsNullOrEmpty(id))
            {
                throw ScimException.InvalidValue("Each member needs a value: the id of a user.");
            }

            if (!memberIds.Contains(id, StringComparer.Ordinal))
            {
                memberIds.Add(id);
            }
        }

        var attributes = (JsonObject)normalized.DeepClone();
        attributes.Remove("displayName");
        attributes.Remove("members");
        return new ScimGroupValues(displayName, memberIds, attributes);
    }
}
