namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Exception thrown by <see cref="JwksDocumentRetriever"/> when the endpoint or its response is rejected.
/// </summary>
/// <remarks>
/// It derives from <see cref="IOException"/> because the retrievers of Microsoft.IdentityModel.Protocols report
/// failed retrievals with that type. The message never contains the response body.
/// </remarks>
internal sealed class JwksRetrievalException : IOException
{
    /// <summary>Creates the exception for a rejected endpoint or response.</summary>
    public JwksRetrievalException(JwksRetrievalFailure failure, string message, int? statusCode = null, string? contentType = null)
        : base(message)
    {
        Failure = failure;
        StatusCode = statusCode;
        ContentType = contentType;
    }

    /// <summary>The reason for the failure.</summary>
    public JwksRetrievalFailure Failure { get; }

    /// <summary>The HTTP status code, or <see langword="null"/> when no response was received.</summary>
    public int? StatusCode { get; }

    /// <summary>The media type of the response, or <see langword="null"/> when it had none.</summary>
    public string? ContentType { get; }
}
