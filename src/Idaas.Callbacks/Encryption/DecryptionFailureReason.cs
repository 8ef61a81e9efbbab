namespace Idaas.Callbacks.Encryption;

/// <summary>
/// Detailed cause of a decryption failure, for debug logging on the receiving side only. Never send it to the
/// caller of the callback endpoint: telling format errors from tag mismatches would help an attacker probe the key.
/// </summary>
internal enum DecryptionFailureReason
{
    /// <summary>No failure.</summary>
    None = 0,

    /// <summary>The text is not five dot-separated segments.</summary>
    MalformedCompactSerialization,

    /// <summary>The protected header is not canonical base64url of a JSON object with string <c>alg</c> and <c>enc</c>, each once.</summary>
    MalformedHeader,

    /// <summary>The header's <c>alg</c> is not <c>dir</c>.</summary>
    UnsupportedAlgorithm,

    /// <summary>The header's <c>enc</c> is not an AES-GCM value whose key size equals the configured key.</summary>
    UnsupportedEncryption,

    /// <summary>The header has a parameter other than <c>alg</c> and <c>enc</c>, such as <c>zip</c> or <c>crit</c>.</summary>
    UnsupportedHeaderParameter,

    /// <summary>The encrypted-key segment is not empty, although <c>dir</c> uses the shared key directly.</summary>
    NonEmptyEncryptedKey,

    /// <summary>The initialization vector is not 12 bytes of canonical base64url.</summary>
    InvalidInitializationVector,

    /// <summary>The ciphertext is empty or not canonical base64url.</summary>
    InvalidCiphertext,

    /// <summary>The authentication tag is not 16 bytes of canonical base64url.</summary>
    InvalidAuthenticationTag,

    /// <summary>AES-GCM authentication failed: the key is wrong or a segment was altered.</summary>
    AuthenticationFailed,

    /// <summary>The decrypted bytes are not valid UTF-8.</summary>
    InvalidUtf8,
}
