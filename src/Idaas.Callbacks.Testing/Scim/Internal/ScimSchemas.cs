namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// The User, EnterpriseUser and Group schemas of RFC 7643 as the simulator serves and enforces them.
/// </summary>
/// <remarks>
/// <c>caseExact</c> follows RFC 7643, sections 4 and 8.7: <c>id</c>, <c>externalId</c>, <c>$ref</c>,
/// <c>meta.location</c> and <c>meta.version</c> are case-exact, and names, e-mail addresses and types are not.
/// The simulator also treats the <c>value</c> of <c>members</c>, <c>groups</c> and <c>manager</c> as case-exact,
/// because these values are resource ids.
/// </remarks>
internal static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /// <summary>
    /// Adds the URN of each extension stored in <paramref name="attributes"/> (an object under a <c>urn:</c> key) to
    /// <paramref name="schemas"/>, because RFC 7643, section 3, lists every schema a resource uses in <c>schemas</c>.
    /// </summary>
    public static void AddExtensionUrns(System.Text.Json.Nodes.JsonArray schemas, System.Text.Json.Nodes.JsonObject attributes)
    {
        foreach (var (key, value) in attributes)
        {
            if (value is System.Text.Json.Nodes.JsonObject && key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            {
                schemas.Add(key);
            }
        }
    }

    public static readonly IReadOnlyList<ScimAttributeDefinition> Common =
    [
        new() { Name = "id", CaseExact = true, Mutability = "readOnly", Returned = "always", Uniqueness = "server", Description = "The identifier the service provider assigned." },
        new() { Name = "externalId", CaseExact = true, Description = "The identifier the client assigned." },
        new()
        {
            Name = "meta",
            Type = ScimAttributeType.Complex,
            Mutability = "readOnly",
            Description = "Resource metadata.",
            SubAttributes =
            [
                new() { Name = "resourceType", CaseExact = true, Mutability = "readOnly" },
                new() { Name = "created", Type = ScimAttributeType.DateTime, Mutability = "readOnly" },
                new() { Name = "lastModified", Type = ScimAttributeType.DateTime, Mutability = "readOnly" },
                new() { Name = "location", Type = ScimAttributeType.Reference, CaseExact = true, Mutability = "readOnly" },
                new() { Name = "version", CaseExact = true, Mutability = "readOnly" },
            ],
        },
    ];

    public static readonly IReadOnlyList<ScimAttributeDefinition> UserAttributes =
    [
        new() { Name = "userName", Required = true, Uniqueness = "server", Description = "The unique login name." },
        Complex("name", "The components of the user's name.", "formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"),
        new() { Name = "displayName", Description = "The name to display." },
        new() { Name = "nickName" },
        new() { Name = "profileUrl", Type = ScimAttributeType.Reference },
        new() { Name = "title" },
        new() { Name = "userType" },
        new() { Name = "preferredLanguage" },
        new() { Name = "locale" },
        new() { Name = "timezone" },
        new() { Name = "active", Type = ScimAttributeType.Boolean, Description = "Whether the account may sign in." },
        new() { Name = "password", Mutability = "writeOnly", Returned = "never", Description = "The password; never returned." },
        MultiValuedComplex("emails", "E-mail addresses.", "value", "display", "type"),
        MultiValuedComplex("phoneNumbers", "Phone numbers.", "value", "display", "type"),
        MultiValuedComplex("ims", "Instant messaging addresses.", "value", "display", "type"),
        MultiValuedComplex("photos", "Photo URLs.", "value", "display", "type"),
        new()
        {
            Name = "addresses",
            Type = ScimAttributeType.Complex,
            MultiValued = true,
            Description = "Physical mailing addresses.",
            SubAttributes =
            [
                .. new[] { "formatted", "streetAddress", "locality", "region", "postalCode", "country", "type" }.Select(n => new ScimAttributeDefinition { Name = n }),
                new() { Name = "primary", Type = ScimAttributeType.Boolean },
            ],
        },
        new()
        {
            Name = "groups",
            Type = ScimAttributeType.Complex,
            MultiValued = true,
            Mutability = "readOnly",
            Description = "The groups the user belongs to, maintained through the Groups endpoint.",
            SubAttributes =
            [
                new() { Name = "value", CaseExact = true, Mutability = "readOnly" },
                new() { Name = "$ref", Type = ScimAttributeType.Reference, CaseExact = true, Mutability = "readOnly" },
                new() { Name = "display", Mutability = "readOnly" },
                new() { Name = "type", Mutability = "readOnly" },
            ],
        },
        MultiValuedComplex("entitlements", "Entitlements.", "value", "display", "type"),
        MultiValuedComplex("roles", "Roles.", "value", "display", "type"),
    ];

    public static readonly IReadOnlyList<ScimAttributeDefinition> EnterpriseUserAttributes =
    [
        new() { Name = "employeeNumber" },
        new() { Name = "costCenter" },
        new() { Name = "organization" },
        new() { Name = "division" },
        new() { Name = "department" },
        new()
        {
            Name = "manager",
            Type = ScimAttributeType.Complex,
            Description = "The user's manager, written as an object with a value or, leniently, as a bare id.",
            SubAttributes =
            [
                new() { Name = "value", CaseExact = true },
                new() { Name = "$ref", Type = ScimAttributeType.Reference, CaseExact = true },
                new() { Name = "displayName", Mutability = "readOnly" },
            ],
        },
    ];

    public static readonly IReadOnlyList<ScimAttributeDefinition> GroupAttributes =
    [
        new() { Name = "displayName", Required = true, Uniqueness = "server", Description = "The unique group name." },
        new()
        {
            Name = "members",
            Type = ScimAttributeType.Complex,
            MultiValued = true,
            Description = "The member users.",
            SubAttributes =
            [
                new() { Name = "value", CaseExact = true, Mutability = "immutable" },
                new() { Name = "$ref", Type = ScimAttributeType.Reference, CaseExact = true, Mutability = "immutable" },
                new() { Name = "display", Mutability = "readOnly" },
                new() { Name = "type", Mutability = "immutable" },
            ],
        },
    ];

    private static ScimAttributeDefinition Complex(string name, string description, params string[] subAttributes) => new()
    {
        Name = name,
        Type = ScimAttributeType.Complex,
        Description = description,
        SubAttributes = [.. subAttributes.Select(n => new ScimAttributeDefinition { Name = n })],
    };

    private static ScimAttributeDefinition MultiValuedComplex(string name, string description, params string[] subAttributes) => new()
    {
        Name = name,
        Type = ScimAttributeType.Complex,
        MultiValued = true,
        Description = description,
        SubAttributes =
        [
            .. subAttributes.Select(n => new ScimAttributeDefinition { Name = n }),
            new() { Name = "primary", Type = ScimAttributeType.Boolean },
        ],
    };
}
