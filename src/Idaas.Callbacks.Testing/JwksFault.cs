namespace Idaas.Callbacks.Testing;

/// <summary>
/// A failure that <see cref="SimulatorJwksEndpoint"/> serves in place of the JWKS, to test how a receiver copes
/// with a broken Public Key Endpoint.
/// </summary>
public enum JwksFault
{
    /// <summary>No fault: 200 with the published keys as <c>application/json</c>.</summary>
    None,

    /// <summary>500 with a <c>text/html</c> error page, as a failing gateway returns.</summary>
    ServerError,

    /// <summary>200 with a <c>text/html</c> login page, as a captive portal or a misrouted proxy returns.</summary>
    HtmlPage,

    /// <summary>200 with the well-formed but empty JWKS <c>{"keys":[]}</c>.</summary>
    EmptyKeySet,

    /// <summary>200 with the malformed JWKS <c>{"keys":"oops"}</c>, whose <c>keys</c> member is not an array.</summary>
    Garbage,

    /// <summary>No response until the client cancels the request or the endpoint stops.</summary>
    Hang,
}
