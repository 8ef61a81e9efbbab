using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// The query of a list request (RFC 7644, section 3.4.2): filter, sorting and paging.
/// </summary>
/// <remarks>
/// <c>startIndex</c> is 1-based and values below 1 mean 1. <c>count</c> defaults to <see cref="MaxCount"/>,
/// values above it are clamped to it, and negative values mean 0.
/// </remarks>
internal sealed record ScimListQuery(ScimFilter? Filter, ScimAttributePath? SortBy, bool Descending, int StartIndex, int Count)
{
    /// <summary>The largest page, as IDaaS returns at most 100 resources per list request.</summary>
    public const int MaxCount = 100;

    public static ScimListQuery Parse(string query, ScimResourceSchema schema)
    {
        var parameters = QueryHelpers.ParseQuery(query.Length == 0 ? null : "?" + query);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in parameters)
        {
            values[key] = value.ToString();
        }

        var filter = values.TryGetValue("filter", out var filterText) ? ScimFilterParser.ParseFilter(filterText, schema) : null;
        ScimAttributePath? sortBy = null;
        if (values.TryGetValue("sortBy", out var sortText) && !string.IsNullOrWhiteSpace(sortText))
        {
            try
            {
                sortBy = ScimFilterParser.ParseAttributePath(sortText.Trim(), schema);
            }
            catch (ScimException)
            {
                throw ScimException.InvalidValue($"sortBy '{sortText}' is not an attribute path.");
            }
        }

        var descending = values.TryGetValue("sortOrder", out var order) && string.Equals(order, "descending", StringComparison.OrdinalIgnoreCase);
        var startIndex = Math.Max(1, ReadInteger(values, "startIndex", 1));
        var count = Math.Clamp(ReadInteger(values, "count", MaxCount), 0, MaxCount);
        return new ScimListQuery(filter, sortBy, descending, startIndex, count);
    }

    /// <summary>Writes a <c>ListResponse</c>; <c>Resources</c> is <c>[]</c> on an empty page unless <paramref name="omitEmptyResources"/>.</summary>
    public JsonObject ToResponse(int totalResults, IReadOnlyList<JsonObject> page, bool omitEmptyResources)
    {
        var response = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = totalResults,
            ["startIndex"] = StartIndex,
            ["itemsPerPage"] = page.Count,
        };
        if (page.Count > 0 || !omitEmptyResources)
        {
            response["Resources"] = new JsonArray([.. page]);
        }

        return response;
    }

    private static int ReadInteger(Dictionary<string, string> values, string name, int defaultValue)
    {
        if (!values.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
            : throw ScimException.InvalidValue($"{name} must be an integer; found '{text}'.");
    }
}
