namespace Idaas.Callbacks.Scim;

/// <summary>
/// The service provider returned HTTP 412: the <c>If-Match</c> version is stale because the resource changed
/// since it was read. Read the resource again and repeat the change. The client never retries this by itself.
/// </summary>
public sealed class ScimPreconditionFailedException : ScimException
{
    /// <summary>Creates an exception for a 412 response.</summary>
    public ScimPreconditionFailedException(string message, ScimError? error, string? responseExcerpt)
        : base(message, 412, error, responseExcerpt)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ScimPreconditionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public ScimPreconditionFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception without details.</summary>
    public ScimPreconditionFailedException()
    {
    }
}
