namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>The core schema and extension schemas of one resource type, for lookups by attribute path.</summary>
internal sealed class ScimResourceSchema
{
    public static readonly ScimResourceSchema User = new(
        "User",
        "Users",
        ScimSchemas.User,
        [.. ScimSchemas.Common, .. ScimSchemas.UserAttributes],
        new Dictionary<string, IReadOnlyList<ScimAttributeDefinition>>(StringComparer.OrdinalIgnoreCase) { [ScimSchemas.EnterpriseUser] = ScimSchemas.EnterpriseUserAttributes });

    public static readonly ScimResourceSchema Group = new(
        "Group",
        "Groups",
        ScimSchemas.Group,
        [.. ScimSchemas.Common, .. ScimSchemas.GroupAttributes],
        new Dictionary<string, IReadOnlyList<ScimAttributeDefinition>>(StringComparer.OrdinalIgnoreCase));

    private ScimResourceSchema(string name, string endpoint, string coreUrn, IReadOnlyList<ScimAttributeDefinition> attributes, IReadOnlyDictionary<string, IReadOnlyList<ScimAttributeDefinition>> extensions)
    {
        Name = name;
        Endpoint = endpoint;
        CoreUrn = coreUrn;
        Attributes = attributes;
        Extensions = extensions;
    }

    /// <summary>The resource type name, <c>User</c> or <c>Group</c>.</summary>
    public string Name { get; }

    /// <summary>The endpoint segment, <c>Users</c> or <c>Groups</c>.</summary>
    public string Endpoint { get; }

    public string CoreUrn { get; }

    public IReadOnlyList<ScimAttributeDefinition> Attributes { get; }

    /// <summary>The extension schemas by URN, compared without case.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ScimAttributeDefinition>> Extensions { get; }

    public bool IsCore(string? schemaUrn) => schemaUrn is null || string.Equals(schemaUrn, CoreUrn, StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds the definition of a top-level attribute, or returns <see langword="null"/> for an unknown one.</summary>
    public ScimAttributeDefinition? Find(string? schemaUrn, string name)
    {
        if (IsCore(schemaUrn))
        {
            return ScimAttributeDefinition.Find(Attributes, name);
        }

        return Extensions.TryGetValue(schemaUrn!, out var attributes) ? ScimAttributeDefinition.Find(attributes, name) : null;
    }

    /// <summary>Returns the canonical spelling of a known schema URN, or <see langword="null"/>.</summary>
    public string? FindSchemaUrn(string urn)
    {
        if (string.Equals(urn, CoreUrn, StringComparison.OrdinalIgnoreCase))
        {
            return CoreUrn;
        }

        return Extensions.Keys.FirstOrDefault(k => string.Equals(k, urn, StringComparison.OrdinalIgnoreCase));
    }
}
