using System.Globalization;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>Converts between directory accounts and SCIM User resources.</summary>
/// <remarks>
/// The directory's login name, display name, e-mail address and status are the SCIM <c>userName</c>,
/// <c>displayName</c>, primary e-mail value and <c>active</c>. Every other written attribute is stored as written
/// (after normalizing) and returned unchanged. <c>groups</c> is computed from the directory's groups.
/// </remarks>
internal static class ScimUserMapper
{
    public static JsonObject ToJson(UserRecord user, IEnumerable<GroupRecord> groups, string baseUrl, bool managerAsString)
    {
        var attributes = (JsonObject?)user.ScimAttributes?.DeepClone() ?? [];
        SyncPrimaryEmail(attributes, user.Email);

        var schemas = new JsonArray(ScimSchemas.User);
        ScimSchemas.AddExtensionUrns(schemas, attributes);

        var json = new JsonObject
        {
            ["schemas"] = schemas,
            ["id"] = user.UserId,
        };
        if (attributes["externalId"] is { } externalId)
        {
            attributes.Remove("externalId");
            json["externalId"] = externalId;
        }

        json["userName"] = user.Username;
        json["displayName"] = user.DisplayName;
        json["active"] = string.Equals(user.Status, "enabled", StringComparison.Ordinal);
        foreach (var (key, value) in attributes.ToList())
        {
            attributes.Remove(key);
            json[key] = value;
        }

        if (managerAsString && json[ScimSchemas.EnterpriseUser] is JsonObject enterprise && enterprise["manager"] is JsonObject manager)
        {
            enterprise["manager"] = manager["value"]?.DeepClone();
        }

        var memberOf = new JsonArray();
        foreach (var group in groups.Where(g => g.MemberIds.Contains(user.UserId)))
        {
            memberOf.Add(new JsonObject
            {
                ["value"] = group.GroupId,
                ["$ref"] = $"{baseUrl}/Groups/{group.GroupId}",
                ["display"] = group.Name,
                ["type"] = "direct",
            });
        }

        if (memberOf.Count > 0)
        {
            json["groups"] = memberOf;
        }

        json["meta"] = Meta("User", user.CreateTime, user.UpdateTime, $"{baseUrl}/Users/{user.UserId}", user.Version);
        return json;
    }

    /// <summary>Splits a normalized User resource into the directory's fields and the stored attributes.</summary>
    public static ScimUserValues ToValues(JsonObject normalized)
    {
        var userName = ScimJson.AsString(normalized["userName"]);
        if (string.IsNullOrWhiteSpace(userName))
        {
            throw ScimException.InvalidValue("userName is required and must be a non-empty string.");
        }

        var displayName = ScimJson.AsString(normalized["displayName"]);
        var active = normalized["active"] is not { } activeNode || ScimJson.IsTrue(activeNode);
        var password = ScimJson.AsString(normalized["password"]);

        var attributes = (JsonObject)normalized.DeepClone();
        foreach (var name in new[] { "userName", "displayName", "active", "password" })
        {
            attributes.Remove(name);
        }

        return new ScimUserValues(userName, displayName, PrimaryEmail(attributes), active, password, attributes);
    }

    public static JsonObject Meta(string resourceType, long created, long lastModified, string location, long version) => new()
    {
        ["resourceType"] = resourceType,
        ["created"] = FormatTime(created),
        ["lastModified"] = FormatTime(lastModified),
        ["location"] = location,
        ["version"] = ETag(version),
    };

    public static string ETag(long version) => string.Create(CultureInfo.InvariantCulture, $"W/\"{version}\"");

    private static string FormatTime(long milliseconds)
        => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? PrimaryEmail(JsonObject attributes)
    {
        if (attributes["emails"] is not JsonArray emails)
        {
            return null;
        }

        var primary = emails.OfType<JsonObject>().FirstOrDefault(e => ScimJson.IsTrue(e["primary"])) ?? emails.OfType<JsonObject>().FirstOrDefault();
        return ScimJson.AsString(primary?["value"]);
    }

    /// <summary>Makes the primary e-mail value match the directory's, which the directory API can change on its own.</summary>
    private static void SyncPrimaryEmail(JsonObject attributes, string? email)
    {
        if (attributes["emails"] is not JsonArray emails || emails.Count == 0)
        {
            if (email is not null)
            {
                attributes["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
            }

            return;
        }

        if (string.Equals(PrimaryEmail(attributes), email, StringComparison.Ordinal))
        {
            return;
        }

        var primary = emails.OfType<JsonObject>().FirstOrDefault(e => ScimJson.IsTrue(e["primary"])) ?? emails.OfType<JsonObject>().First();
        if (email is null)
        {
            emails.Remove(primary);
        }
        else
        {
            primary["value"] = email;
        }
    }
}
