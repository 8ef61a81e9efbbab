namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Reason that a JWKS entry cannot verify RS256 tokens and is skipped.
/// </summary>
internal enum JwksEntryProblem
{
    /// <summary>The entry is not a JSON object.</summary>
    NotAnObject,

    /// <summary>A member name appears twice in the entry, which RFC 7517 forbids.</summary>
    DuplicateMember,

    /// <summary>The <c>kid</c> is not a string or is empty.</summary>
    InvalidKeyId,

    /// <summary>The <c>kty</c> is missing or not a string.</summary>
    MissingKeyType,

    /// <summary>The <c>kty</c> is <c>oct</c>. A symmetric key never verifies RS256.</summary>
    SymmetricKey,

    /// <summary>The <c>kty</c> is neither <c>RSA</c> nor <c>oct</c>, for example <c>EC</c> or <c>AKP</c>.</summary>
    UnsupportedKeyType,

    /// <summary>The <c>use</c> is present and not <c>sig</c>, or <c>key_ops</c> is present without <c>verify</c>.</summary>
    NotForSignatures,

    /// <summary>The <c>alg</c> is present and not <c>RS256</c>.</summary>
    UnsupportedAlgorithm,

    /// <summary>A member has the wrong JSON type, for example a numeric <c>use</c> or a <c>key_ops</c> that is not an array of strings.</summary>
    InvalidMember,

    /// <summary>The modulus <c>n</c> is missing, not canonical base64url, zero or even.</summary>
    InvalidModulus,

    /// <summary>The modulus is shorter than 2048 bits.</summary>
    ModulusTooShort,

    /// <summary>The modulus is longer than 8192 bits.</summary>
    ModulusTooLong,

    /// <summary>The exponent <c>e</c> is missing, not canonical base64url, even, below 3 or longer than 256 bits.</summary>
    InvalidExponent,
}
