namespace Idaas.Callbacks.Keys;

/// <summary>
/// Source of the RS256 keys that verify callback tokens.
/// </summary>
internal interface ISigningKeySource
{
    /// <summary>
    /// Finds the keys that may have signed a token with the given <c>kid</c>.
    /// </summary>
    /// <param name="keyId">
    /// The token's <c>kid</c>, matched exactly (ordinal). With <see langword="null"/>, every usable key is a
    /// candidate, including keys published without a <c>kid</c>.
    /// </param>
    /// <param name="cancellationToken">Ends this caller's wait for a refresh, but not the shared refresh.</param>
    /// <returns>
    /// The matching keys, or the reason that none can be returned. An unknown <c>kid</c> triggers at most one
    /// refresh, which concurrent callers share and which the refresh cooldown limits. The caller gets the result
    /// of that refresh, but waits no longer than <see cref="SigningKeyOptions.FetchTimeout"/>.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled during a wait.</exception>
    ValueTask<SigningKeyLookup> FindAsync(string? keyId, CancellationToken cancellationToken);
}
