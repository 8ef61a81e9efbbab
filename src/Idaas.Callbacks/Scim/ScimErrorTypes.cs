namespace Idaas.Callbacks.Scim;

/// <summary>
/// The <c>scimType</c> values of RFC 7644 section 3.12.
/// </summary>
public static class ScimErrorTypes
{
    /// <summary>The filter syntax is invalid or the filter is not supported.</summary>
    public const string InvalidFilter = "invalidFilter";

    /// <summary>The filter matches more results than the service provider returns.</summary>
    public const string TooMany = "tooMany";

    /// <summary>A unique attribute value is already in use.</summary>
    public const string Uniqueness = "uniqueness";

    /// <summary>The request tried to change an immutable attribute.</summary>
    public const string Mutability = "mutability";

    /// <summary>The request body is malformed or does not follow the schema.</summary>
    public const string InvalidSyntax = "invalidSyntax";

    /// <summary>A PATCH path is invalid.</summary>
    public const string InvalidPath = "invalidPath";

    /// <summary>A PATCH path matched nothing.</summary>
    public const string NoTarget = "noTarget";

    /// <summary>An attribute value is invalid or missing.</summary>
    public const string InvalidValue = "invalidValue";

    /// <summary>The protocol version is not supported.</summary>
    public const string InvalidVersion = "invalidVersion";

    /// <summary>The request would reveal sensitive data in a URL.</summary>
    public const string Sensitive = "sensitive";

    internal static readonly string[] All =
        [InvalidFilter, TooMany, Uniqueness, Mutability, InvalidSyntax, InvalidPath, NoTarget, InvalidValue, InvalidVersion, Sensitive];
}
