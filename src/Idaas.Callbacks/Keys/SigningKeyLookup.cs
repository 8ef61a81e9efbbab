using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Keys;

/// <summary>
/// Result of a key lookup: the status and, when it is <see cref="SigningKeyLookupStatus.Found"/>, the candidate
/// keys in JWKS order. Several keys are returned for a token without <c>kid</c> or for a <c>kid</c> that the JWKS
/// publishes more than once. The token is valid if one of them verifies its signature.
/// </summary>
/// <param name="Status">Whether keys were found, and if not, why.</param>
/// <param name="Keys">The candidate keys, each an <see cref="RsaSecurityKey"/>. Empty unless the status is <see cref="SigningKeyLookupStatus.Found"/>.</param>
internal readonly record struct SigningKeyLookup(SigningKeyLookupStatus Status, IReadOnlyList<SecurityKey> Keys);
