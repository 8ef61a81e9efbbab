using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Idaas.Callbacks.Internal;
using Idaas.Callbacks.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// Verifies the compact JWS of an IDaaS callback: RS256 only, a key from the configured key source, the
/// issuer <c>urn:alibaba:idaas:app:event</c>, the configured application as audience, and a lifetime checked
/// against <see cref="TimeProvider"/> with the configured clock skew.
/// </summary>
/// <remarks>
/// Bad input never throws: every failure is a <see cref="TokenVerificationResult"/> with a reason.
/// The header and claims are parsed here with strict JSON types, because <c>JsonWebTokenHandler</c> turns
/// numeric strings into numbers and fails on other claim types as "malformed"; the RS256 check itself runs on
/// IdentityModel's cached signature providers. Instances are thread-safe.
/// </remarks>
public sealed partial class CallbackTokenVerifier
{
    /// <summary>The <c>iss</c> value of every IDaaS callback token.</summary>
    public const string IdaasIssuer = "urn:alibaba:idaas:app:event";

    private const string SegmentsMessage = "The token is not a compact JWS of three canonical base64url segments.";

    private readonly IdaasCallbackOptions _options;
    private readonly ISigningKeySource _keys;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    internal CallbackTokenVerifier(IOptions<IdaasCallbackOptions> options, ISigningKeySource keys, TimeProvider timeProvider, ILogger<CallbackTokenVerifier> logger)
    {
        _options = options.Value;
        _keys = keys;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Verifies <paramref name="token"/>.</summary>
    /// <param name="token">The compact JWS from the callback body.</param>
    /// <param name="cancellationToken">Ends a wait for a key refresh.</param>
    /// <returns>The verified claims, or the reason for the rejection.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ValueTask<TokenVerificationResult> VerifyAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);

        if (token.Length > _options.MaxTokenBytes)
        {
            return new(TooLarge());
        }

        // A compact JWS is ASCII; any other character makes it malformed rather than re-encoded.
        if (!Ascii.IsValid(token))
        {
            return new(Reject(CallbackRejectionReason.MalformedToken, SegmentsMessage));
        }

        return VerifyAsync(Encoding.ASCII.GetBytes(token), cancellationToken);
    }

    /// <summary>Verifies a token given as its ASCII bytes, which must stay unchanged until the call completes.</summary>
    internal async ValueTask<TokenVerificationResult> VerifyAsync(ReadOnlyMemory<byte> token, CancellationToken cancellationToken)
    {
        if (token.Length > _options.MaxTokenBytes)
        {
            return TooLarge();
        }

        if (!CompactJws.TryFindSegments(token.Span, out var headerEnd, out var payloadEnd))
        {
            return Reject(CallbackRejectionReason.MalformedToken, SegmentsMessage);
        }

        if (!CompactJws.TryReadHeader(token.Span[..headerEnd], out var header))
        {
            return Reject(CallbackRejectionReason.MalformedToken, "The token header is not a JSON object with string alg and kid members.");
        }

        // The algorithm is checked before the other segments, so that an unsigned token is reported as such.
        if (header.Algorithm != SecurityAlgorithms.RsaSha256 || header.HasCriticalParameters)
        {
            return Reject(CallbackRejectionReason.UnsupportedAlgorithm, "The token must be signed with RS256 and carry no crit header parameter.");
        }

        if (!CompactJws.HasCanonicalBody(token.Span, headerEnd, payloadEnd))
        {
            return Reject(CallbackRejectionReason.MalformedToken, SegmentsMessage);
        }

        var lookup = await _keys.FindAsync(header.KeyId, cancellationToken).ConfigureAwait(false);
        switch (lookup.Status)
        {
            case SigningKeyLookupStatus.KeysUnavailable:
                return Reject(CallbackRejectionReason.KeysUnavailable, "The signing keys could not be fetched; retry later.");
            case SigningKeyLookupStatus.UnknownKey:
                return Reject(CallbackRejectionReason.UnknownKey, "No signing key matches the token's kid.");
        }

        if (!VerifySignature(token, payloadEnd, lookup.Keys))
        {
            return Reject(CallbackRejectionReason.InvalidSignature, "The token signature is invalid.");
        }

        return ValidateClaims(token.Span[(headerEnd + 1)..payloadEnd], header.KeyId);
    }

    private TokenVerificationResult ValidateClaims(ReadOnlySpan<byte> payloadText, string? keyId)
    {
        // The decoded payload is kept, not pooled: the verified token's PlainData points into it.
        var payload = new byte[Base64Url.GetDecodedLength(payloadText.Length)];
        if (!Base64Url.TryDecode(payloadText, payload, out var written))
        {
            return Reject(CallbackRejectionReason.MalformedToken, "The token payload is not canonical base64url.");
        }

        var status = TokenClaims.TryParse(payload.AsMemory(0, written), out var claims);
        return status switch
        {
            ClaimsParseStatus.Malformed => Reject(CallbackRejectionReason.MalformedToken, "The token payload is not one JSON object with unique member names."),
            ClaimsParseStatus.InvalidClaim => Reject(CallbackRejectionReason.InvalidClaim, $"The claim '{claims.InvalidClaim}' has the wrong JSON type or an out-of-range value."),
            _ => CheckClaims(claims, keyId),
        };
    }

    private TokenVerificationResult CheckClaims(TokenClaims claims, string? keyId)
    {
        var missing = FindMissingClaim(claims);
        if (missing is not null)
        {
            return Reject(CallbackRejectionReason.MissingClaim, $"The required claim '{missing}' is missing.");
        }

        if (!string.Equals(claims.Issuer, IdaasIssuer, StringComparison.Ordinal))
        {
            return Reject(CallbackRejectionReason.InvalidIssuer, $"The issuer is not '{IdaasIssuer}'.");
        }

        if (!string.Equals(claims.Audience, _options.ApplicationId, StringComparison.Ordinal))
        {
            return Reject(CallbackRejectionReason.InvalidAudience, "The audience is not the configured application id.");
        }

        if (_options.InstanceId is { Length: > 0 } instanceId && !string.Equals(claims.Subject, instanceId, StringComparison.Ordinal))
        {
            return Reject(CallbackRejectionReason.InvalidSubject, "The subject is not the configured instance id.");
        }

        var now = _timeProvider.GetUtcNow();
        var skew = _options.ClockSkew;
        if (claims.ExpiresAt < claims.IssuedAt)
        {
            return Reject(CallbackRejectionReason.InvalidClaim, "The token expires before it was issued.");
        }

        // The skew is applied to the current time, which is far from both ends of the DateTimeOffset range.
        if (claims.ExpiresAt!.Value < now - skew)
        {
            return Reject(CallbackRejectionReason.Expired, "The token has expired.");
        }

        if (claims.IssuedAt!.Value > now + skew || claims.NotBefore > now + skew)
        {
            return Reject(CallbackRejectionReason.NotYetValid, "The token was issued in the future, beyond the allowed clock skew.");
        }

        return TokenVerificationResult.Success(new VerifiedCallbackToken(claims, keyId));
    }

    private string? FindMissingClaim(TokenClaims claims)
    {
        if (claims.Issuer is null)
        {
            return "iss";
        }

        if (claims.Audience is null)
        {
            return "aud";
        }

        if (claims.Subject is null && !string.IsNullOrEmpty(_options.InstanceId))
        {
            return "sub";
        }

        if (claims.TokenId is null)
        {
            return "jti";
        }

        if (claims.IssuedAt is null)
        {
            return "iat";
        }

        return claims.ExpiresAt is null ? "exp" : null;
    }

    private bool VerifySignature(ReadOnlyMemory<byte> token, int payloadEnd, IReadOnlyList<SecurityKey> keys)
    {
        var signatureText = token.Span[(payloadEnd + 1)..];
        var signature = ArrayPool<byte>.Shared.Rent(Base64Url.GetDecodedLength(signatureText.Length));

        // The signing input is the ASCII header and payload segments as sent. IdentityModel's providers take
        // arrays, so a token that does not live in one is copied into a pooled array first.
        byte[]? rented = null;
        if (!MemoryMarshal.TryGetArray(token, out var segment))
        {
            rented = ArrayPool<byte>.Shared.Rent(payloadEnd);
            token.Span[..payloadEnd].CopyTo(rented);
            segment = new ArraySegment<byte>(rented, 0, payloadEnd);
        }

        try
        {
            if (!Base64Url.TryDecode(signatureText, signature, out var signatureLength))
            {
                return false;
            }

            foreach (var key in keys)
            {
                if (VerifyWithKey(key, segment.Array!, segment.Offset, payloadEnd, signature, signatureLength))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signature);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private bool VerifyWithKey(SecurityKey key, byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureLength)
    {
        var factory = key.CryptoProviderFactory ?? CryptoProviderFactory.Default;
        SignatureProvider? provider = null;
        try
        {
            provider = factory.CreateForVerifying(key, SecurityAlgorithms.RsaSha256);
            return provider.Verify(input, inputOffset, inputLength, signature, 0, signatureLength);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or NotSupportedException or ObjectDisposedException or System.Security.Cryptography.CryptographicException)
        {
            Log.SignatureCheckFailed(_logger, key.KeyId, exception.GetType().Name);
            return false;
        }
        finally
        {
            if (provider is not null)
            {
                factory.ReleaseSignatureProvider(provider);
            }
        }
    }

    private TokenVerificationResult TooLarge()
        => Reject(CallbackRejectionReason.TokenTooLarge, $"The token is longer than the limit of {_options.MaxTokenBytes} characters.");

    private TokenVerificationResult Reject(CallbackRejectionReason reason, string message)
    {
        Log.TokenRejected(_logger, reason, message);
        return TokenVerificationResult.Failure(reason, message);
    }
}
