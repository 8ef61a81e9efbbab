namespace Idaas.Callbacks.Keys;

/// <summary>
/// Outcome of <see cref="ISigningKeySource.FindAsync"/>.
/// </summary>
internal enum SigningKeyLookupStatus
{
    /// <summary>At least one usable key matches the <c>kid</c>.</summary>
    Found,

    /// <summary>
    /// Keys are loaded, but none matches the <c>kid</c>, even after a refresh or because the refresh is in its
    /// cooldown. A retry by the sender cannot succeed before the JWKS changes.
    /// </summary>
    UnknownKey,

    /// <summary>
    /// No key has ever been loaded, because the fetch failed, timed out or is in its cooldown. The sender should
    /// retry later (HTTP 503).
    /// </summary>
    KeysUnavailable,
}
