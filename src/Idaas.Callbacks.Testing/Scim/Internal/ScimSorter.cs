using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// Sorts resources by one attribute (RFC 7644, section 3.4.2.3). A multi-valued attribute sorts by its primary
/// value, or its first. Resources without the attribute come last in ascending order and first in descending.
/// </summary>
internal static class ScimSorter
{
    public static List<JsonObject> Sort(IEnumerable<JsonObject> resources, ScimAttributePath path, bool descending, ScimResourceSchema schema)
    {
        var definition = schema.Find(path.SchemaUrn, path.Name);
        var leaf = path.SubAttribute is null ? definition : definition?.FindSubAttribute(path.SubAttribute);
        var comparison = leaf?.CaseExact == true ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

        var keyed = resources.Select(r => (Resource: r, Key: SortKey(r, path, schema))).ToList();
        var sorted = keyed
            .OrderBy(k => k.Key is null ? 1 : 0)
            .ThenBy(k => k.Key, comparison)
            .Select(k => k.Resource)
            .ToList();
        if (descending)
        {
            sorted.Reverse();
        }

        return sorted;
    }

    private static string? SortKey(JsonObject resource, ScimAttributePath path, ScimResourceSchema schema)
    {
        var container = schema.IsCore(path.SchemaUrn) ? resource : ScimJson.Get(resource, schema.FindSchemaUrn(path.SchemaUrn!) ?? path.SchemaUrn!) as JsonObject;
        var node = container is null ? null : ScimJson.Get(container, path.Name);
        if (node is JsonArray values)
        {
            node = values.OfType<JsonObject>().FirstOrDefault(v => ScimJson.IsTrue(ScimJson.Get(v, "primary"))) ?? values.FirstOrDefault();
        }

        if (node is JsonObject complex)
        {
            node = ScimJson.Get(complex, path.SubAttribute ?? "value");
        }

        return node switch
        {
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            _ => null,
        };
    }
}
