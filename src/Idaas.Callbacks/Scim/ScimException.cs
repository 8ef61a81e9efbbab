namespace Idaas.Callbacks.Scim;

/// <summary>
/// A SCIM request failed: the service provider returned an error, the response was invalid, or the retries
/// ran out.
/// </summary>
public class ScimException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public ScimException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public ScimException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="error">The SCIM error body, or <see langword="null"/> when the body was not one.</param>
    /// <param name="responseExcerpt">The start of a body that was not a SCIM error, control characters replaced.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public ScimException(string message, int? statusCode, ScimError? error, string? responseExcerpt, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Error = error;
        ResponseExcerpt = responseExcerpt;
    }

    /// <summary>Creates an exception without details.</summary>
    public ScimException()
    {
    }

    /// <summary>Gets the HTTP status code, or <see langword="null"/> when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>Gets the SCIM error body, or <see langword="null"/> when the body was not one.</summary>
    public ScimError? Error { get; }

    /// <summary>Gets the SCIM error type, such as <see cref="ScimErrorTypes.Uniqueness"/>.</summary>
    public string? ScimType => Error?.ScimType;

    /// <summary>Gets the service provider's description of the error.</summary>
    public string? Detail => Error?.Detail;

    /// <summary>Gets the start of a response body that was not a SCIM error (HTML or text), at most 200 characters.</summary>
    public string? ResponseExcerpt { get; }
}
