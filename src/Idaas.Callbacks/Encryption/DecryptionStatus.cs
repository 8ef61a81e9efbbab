namespace Idaas.Callbacks.Encryption;

/// <summary>
/// Outcome of decrypting the <c>cipherData</c> claim. One failure value covers every cause, so that a caller
/// cannot tell a wrong key or a forged tag from a malformed token.
/// </summary>
internal enum DecryptionStatus
{
    /// <summary>The token was well formed, authenticated with the key, and contains UTF-8 plaintext.</summary>
    Succeeded = 0,

    /// <summary>The token could not be decrypted, for any reason.</summary>
    Failed,
}
