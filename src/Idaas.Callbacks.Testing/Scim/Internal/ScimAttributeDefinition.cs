using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>The data types of RFC 7643, section 2.3.</summary>
internal enum ScimAttributeType
{
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Reference,
    Complex,
}

/// <summary>One attribute of a SCIM schema with the characteristics the simulator checks (RFC 7643, section 7).</summary>
internal sealed record ScimAttributeDefinition
{
    public required string Name { get; init; }

    public ScimAttributeType Type { get; init; } = ScimAttributeType.String;

    public bool MultiValued { get; init; }

    /// <summary>Whether string comparisons, including filters, are case-sensitive.</summary>
    public bool CaseExact { get; init; }

    public bool Required { get; init; }

    public string Mutability { get; init; } = "readWrite";

    public string Returned { get; init; } = "default";

    public string Uniqueness { get; init; } = "none";

    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<ScimAttributeDefinition> SubAttributes { get; init; } = [];

    public bool IsReadOnly => string.Equals(Mutability, "readOnly", StringComparison.Ordinal);

    /// <summary>Finds a sub-attribute by name, ignoring case as SCIM attribute names do.</summary>
    public ScimAttributeDefinition? FindSubAttribute(string name) => Find(SubAttributes, name);

    public static ScimAttributeDefinition? Find(IEnumerable<ScimAttributeDefinition> attributes, string name)
        => attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes the attribute as a <c>urn:ietf:params:scim:schemas:core:2.0:Schema</c> attribute object.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["name"] = Name,
            ["type"] = Type switch
            {
                ScimAttributeType.DateTime => "dateTime",
                _ => Type.ToString().ToLowerInvariant(),
            },
            ["multiValued"] = MultiValued,
            ["description"] = Description,
            ["required"] = Required,
            ["caseExact"] = CaseExact,
            ["mutability"] = Mutability,
            ["returned"] = Returned,
            ["uniqueness"] = Uniqueness,
        };
        if (SubAttributes.Count > 0)
        {
            json["subAttributes"] = new JsonArray([.. SubAttributes.Select(a => (JsonNode)a.ToJson())]);
        }

        return json;
    }
}
