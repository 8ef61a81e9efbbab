namespace Idaas.Callbacks.Scim;

/// <summary>
/// The service provider returned HTTP 409, usually with <c>scimType</c> <see cref="ScimErrorTypes.Uniqueness"/>:
/// a resource with the same unique attribute already exists.
/// </summary>
public sealed class ScimConflictException : ScimException
{
    /// <summary>Creates an exception for a 409 response.</summary>
    public ScimConflictException(string message, ScimError? error, string? responseExcerpt)
        : base(message, 409, error, responseExcerpt)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ScimConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public ScimConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception without details.</summary>
    public ScimConflictException()
    {
    }
}
