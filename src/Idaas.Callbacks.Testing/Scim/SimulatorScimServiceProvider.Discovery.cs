using System.Text.Json.Nodes;
using Idaas.Callbacks.Testing.Scim.Internal;

namespace Idaas.Callbacks.Testing.Scim;

/// <content>The discovery endpoints of RFC 7644, section 4, served without authentication.</content>
public sealed partial class SimulatorScimServiceProvider
{
    private ScimHttpResponse RespondToDiscovery(ScimHttpRequest request, string endpoint, string? id)
    {
        if (!string.Equals(request.Method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScimException(405, null, $"{request.Method} is not allowed on {request.Path}; discovery endpoints accept only GET.");
        }

        var baseUrl = request.Origin + BasePath;
        if (IsAny(endpoint, "ServiceProviderConfig"))
        {
            return id is null ? ScimResponses.Json(200, ServiceProviderConfig(baseUrl)) : throw new ScimException(404, null, $"No SCIM endpoint at {request.Path}.");
        }

        var documents = IsAny(endpoint, "ResourceTypes")
            ? new[] { ScimResourceSchema.User, ScimResourceSchema.Group }.Select(s => ResourceType(s, baseUrl)).ToList()
            : Schemas(baseUrl);
        if (id is null)
        {
            var list = new ScimListQuery(null, null, false, 1, documents.Count).ToResponse(documents.Count, documents, omitEmptyResources: false);
            return ScimResponses.Json(200, list);
        }

        var match = documents.FirstOrDefault(d => string.Equals(d["id"]!.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase));
        return match is null ? throw new ScimException(404, null, $"{endpoint} {id} not found.") : ScimResponses.Json(200, match);
    }

    private JsonObject ServiceProviderConfig(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ScimListQuery.MaxCount },
        ["changePassword"] = new JsonObject { ["supported"] = true },
        ["sort"] = new JsonObject { ["supported"] = true },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "oauthbearertoken",
                ["name"] = "OAuth Bearer Token",
                ["description"] = $"A static bearer token or a client-credentials token from {TokenPath}.",
                ["primary"] = true,
            }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    private static JsonObject ResourceType(ScimResourceSchema schema, string baseUrl)
    {
        var extensions = new JsonArray([.. schema.Extensions.Keys.Select(urn => (JsonNode)new JsonObject { ["schema"] = urn, ["required"] = false })]);
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
            ["id"] = schema.Name,
            ["name"] = schema.Name,
            ["endpoint"] = "/" + schema.Endpoint,
            ["schema"] = schema.CoreUrn,
        };
        if (extensions.Count > 0)
        {
            json["schemaExtensions"] = extensions;
        }

        json["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/{schema.Name}" };
        return json;
    }

    private static List<JsonObject> Schemas(string baseUrl)
    {
        // RFC 7643, section 7: the common attributes (id, externalId, meta) are not part of a schema's attributes.
        var common = ScimSchemas.Common.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        return
        [
            Schema(ScimSchemas.User, "User", ScimSchemas.UserAttributes, baseUrl),
            Schema(ScimSchemas.EnterpriseUser, "EnterpriseUser", ScimSchemas.EnterpriseUserAttributes, baseUrl),
            Schema(ScimSchemas.Group, "Group", ScimSchemas.GroupAttributes.Where(a => !common.Contains(a.Name)).ToList(), baseUrl),
        ];
    }

    private static JsonObject Schema(string urn, string name, IReadOnlyList<ScimAttributeDefinition> attributes, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = urn,
        ["name"] = name,
        ["attributes"] = new JsonArray([.. attributes.Select(a => (JsonNode)a.ToJson())]),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{urn}" },
    };
}
