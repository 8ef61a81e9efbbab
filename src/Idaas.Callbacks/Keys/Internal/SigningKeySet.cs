using System.Collections.Frozen;
using System.Collections.ObjectModel;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Immutable set of RS256 verification keys from one JWKS document, indexed by <c>kid</c>.
/// </summary>
/// <remarks>
/// The cache replaces the whole set with one reference write, so a reader sees either the old or the new set.
/// Old sets are never disposed, so a verification that still uses their keys can finish with them.
/// </remarks>
internal sealed class SigningKeySet
{
    private readonly FrozenDictionary<string, ReadOnlyCollection<SecurityKey>> _keysById;

    /// <summary>Creates a set from usable keys in document order.</summary>
    /// <param name="keys">The keys. Several may share a <c>kid</c>, and some may have none.</param>
    /// <param name="loadedAt">When the keys were loaded.</param>
    public SigningKeySet(IReadOnlyList<RsaSecurityKey> keys, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(keys);

        RsaKeys = keys.ToArray();
        AllKeys = Array.AsReadOnly<SecurityKey>(RsaKeys);
        LoadedAt = loadedAt;

        // A key without kid goes only into AllKeys, so it is never a candidate for a token that names a kid.
        _keysById = RsaKeys
            .Where(key => key.KeyId is not null)
            .GroupBy(key => key.KeyId, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => Array.AsReadOnly<SecurityKey>(group.ToArray()),
                StringComparer.Ordinal);
    }

    /// <summary>Every key of the set in document order, the candidates for a token without <c>kid</c>.</summary>
    public IReadOnlyList<SecurityKey> AllKeys { get; }

    /// <summary>The number of keys in the set.</summary>
    public int Count => AllKeys.Count;

    /// <summary>The time at which the keys were loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    private RsaSecurityKey[] RsaKeys { get; }

    /// <summary>
    /// Finds the candidates for a token's <c>kid</c>: every key when <paramref name="keyId"/> is
    /// <see langword="null"/>, otherwise the keys whose <c>kid</c> equals it (ordinal).
    /// </summary>
    public bool TryFind(string? keyId, out IReadOnlyList<SecurityKey> keys)
    {
        if (keyId is null)
        {
            keys = AllKeys;
            return AllKeys.Count > 0;
        }

        if (_keysById.TryGetValue(keyId, out var matches))
        {
            keys = matches;
            return true;
        }

        keys = [];
        return false;
    }

    /// <summary>
    /// Returns the first 20 <c>kid</c>s in document order for logs, each made printable. A key without <c>kid</c>
    /// shows as <c>(none)</c>.
    /// </summary>
    public string DescribeKeyIds()
    {
        const int MaxListed = 20;
        var listed = string.Join(", ", RsaKeys.Take(MaxListed).Select(key => LogText.Printable(key.KeyId)));
        return RsaKeys.Length > MaxListed ? $"{listed} and {RsaKeys.Length - MaxListed} more" : listed;
    }

    /// <summary>
    /// Checks whether <paramref name="other"/> contains the same keys in the same order, comparing <c>kid</c>,
    /// modulus and exponent.
    /// </summary>
    public bool HasSameKeys(SigningKeySet? other)
    {
        if (other is null || other.RsaKeys.Length != RsaKeys.Length)
        {
            return false;
        }

        for (var i = 0; i < RsaKeys.Length; i++)
        {
            var mine = RsaKeys[i];
            var theirs = other.RsaKeys[i];
            if (!string.Equals(mine.KeyId, theirs.KeyId, StringComparison.Ordinal)
                || !mine.Parameters.Modulus.AsSpan().SequenceEqual(theirs.Parameters.Modulus)
                || !mine.Parameters.Exponent.AsSpan().SequenceEqual(theirs.Parameters.Exponent))
            {
                return false;
            }
        }

        return true;
    }
}
