namespace Idaas.Callbacks.Scim;

/// <summary>
/// Schema URNs of SCIM 2.0 (RFC 7643 and RFC 7644) that the client reads and writes.
/// </summary>
public static class ScimSchemas
{
    /// <summary>The core User schema.</summary>
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>The Enterprise User extension schema, which is also the member name of the extension in a User.</summary>
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The core Group schema.</summary>
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>The list response message schema.</summary>
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    /// <summary>The PATCH request message schema.</summary>
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>The error message schema.</summary>
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
}
