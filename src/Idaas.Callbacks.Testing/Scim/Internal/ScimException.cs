namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// A request that the simulated service provider rejects with a SCIM error. Thrown inside the provider and turned
/// into an error response before it leaves the request.
/// </summary>
internal sealed class ScimException : Exception
{
    public ScimException(int status, string? scimType, string detail)
        : base(detail)
    {
        Status = status;
        ScimType = scimType;
    }

    public ScimException()
        : this(400, null, "The request is invalid.")
    {
    }

    public ScimException(string message)
        : this(400, null, message)
    {
    }

    public ScimException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
    }

    public int Status { get; }

    /// <summary>The <c>WWW-Authenticate</c> challenge of a 401, or <see langword="null"/>.</summary>
    public string? Challenge { get; init; }

    /// <summary>The <c>scimType</c> of RFC 7644, section 3.12, such as <c>invalidFilter</c>; <see langword="null"/> for none.</summary>
    public string? ScimType { get; }

    public static ScimException InvalidFilter(string detail) => new(400, "invalidFilter", detail);

    public static ScimException InvalidPath(string detail) => new(400, "invalidPath", detail);

    public static ScimException InvalidSyntax(string detail) => new(400, "invalidSyntax", detail);

    public static ScimException InvalidValue(string detail) => new(400, "invalidValue", detail);

    public static ScimException NoTarget(string detail) => new(400, "noTarget", detail);

    public static ScimException Mutability(string detail) => new(400, "mutability", detail);
}
