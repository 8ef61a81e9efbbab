using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Keys;

internal interface ISigningKeySource
{
    ValueTask<SigningKeyLookup> FindAsync(string? keyId, CancellationToken cancellationToken);
}

internal readonly record struct SigningKeyLookup(SigningKeyLookupStatus Status, IReadOnlyList<SecurityKey> Keys);

internal enum SigningKeyLookupStatus
{
    Found,
    UnknownKey,
    KeysUnavailable,
}
