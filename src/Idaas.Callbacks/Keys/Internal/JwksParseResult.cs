using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Outcome of parsing one JWKS document: either a document-level error, or the usable keys and the skipped
/// entries.
/// </summary>
/// <param name="DocumentError">
/// Why the document as a whole is invalid (not JSON, no <c>keys</c> array), or <see langword="null"/> when it is
/// a valid JWKS. An invalid document fails the fetch.
/// </param>
/// <param name="EntryCount">The number of entries in the <c>keys</c> array.</param>
/// <param name="Keys">The usable RS256 keys in document order.</param>
/// <param name="SkippedEntries">The entries that cannot verify RS256 tokens, in document order.</param>
internal sealed record JwksParseResult(
    string? DocumentError,
    int EntryCount,
    IReadOnlyList<RsaSecurityKey> Keys,
    IReadOnlyList<SkippedJwksEntry> SkippedEntries)
{
    /// <summary>Creates the result for a document that is not a JWKS.</summary>
    public static JwksParseResult Invalid(string error) => new(error, 0, [], []);
}
