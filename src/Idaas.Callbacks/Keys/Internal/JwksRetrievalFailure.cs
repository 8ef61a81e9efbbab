namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Reason that a JWKS response was not accepted, before its content was parsed.
/// </summary>
internal enum JwksRetrievalFailure
{
    /// <summary>The endpoint is neither HTTPS nor HTTP to a loopback host, so no request was sent.</summary>
    EndpointNotAllowed,

    /// <summary>The response is a redirect (3xx), or the HTTP handler followed one. Redirects are never followed.</summary>
    Redirect,

    /// <summary>The response status is not a success (2xx) status.</summary>
    HttpStatus,

    /// <summary>The response body is larger than <see cref="SigningKeyOptions.MaxResponseBytes"/>.</summary>
    ResponseTooLarge,

    /// <summary>The response body is not valid UTF-8.</summary>
    InvalidEncoding,
}
