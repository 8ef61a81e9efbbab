namespace Idaas.Callbacks.Scim;

/// <summary>
/// How the client authenticates to the OAuth 2.0 token endpoint (RFC 6749 section 2.3.1).
/// </summary>
public enum ScimClientAuthentication
{
    /// <summary>HTTP Basic authentication with the client id and secret (<c>client_secret_basic</c>).</summary>
    Basic,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body (<c>client_secret_post</c>).</summary>
    Post,
}
