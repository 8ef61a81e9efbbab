using System.Security.Cryptography;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

/// <content>Signing callback bodies, with the token faults of <see cref="Faults"/>.</content>
public sealed partial class CallbackDelivery
{
    private readonly Lock _unpublishedKeyLock = new();
    private IdaasSigningKey? _unpublishedKey;

    private SignedCallback Sign(IReadOnlyList<SimulatorEvent> events)
    {
        var tokenId = Base64UrlText.Encode(RandomNumberGenerator.GetBytes(16));
        var expired = Faults.ExpiredToken;
        var wrongAudience = Faults.WrongAudience;
        var clockSkew = Faults.ClockSkew;
        var signingKey = Faults.UnknownKeyId ? GetUnpublishedKey() : null;

        var token = _factory.CreateToken(
            events,
            descriptor =>
            {
                var issuedAt = descriptor.IssuedAt + clockSkew;
                if (expired)
                {
                    // exp ends up 10 minutes in the past, beyond the SDK's largest allowed clock skew of 5 minutes.
                    issuedAt -= descriptor.Lifetime + TimeSpan.FromMinutes(10);
                }

                return descriptor with
                {
                    TokenId = tokenId,
                    IssuedAt = issuedAt,
                    ApplicationId = wrongAudience ? SimulatorIds.CreateApplicationId() : descriptor.ApplicationId,
                };
            },
            signingKey);

        if (Faults.TamperSignature)
        {
            token = TamperSignature(token);
        }

        return new SignedCallback([.. events.Select(e => e.EventId)], tokenId, token, CallbackTokenSigner.CreateRequestBody(token));
    }

    private static string TamperSignature(string token)
    {
        // A character in the middle of the signature carries six signature bits, so changing it keeps the base64url
        // canonical and only breaks the signature. The last character would also carry padding bits.
        var index = token.LastIndexOf('.') + 10;
        var characters = token.ToCharArray();
        characters[index] = characters[index] == 'A' ? 'B' : 'A';
        return new string(characters);
    }

    private IdaasSigningKey GetUnpublishedKey()
    {
        lock (_unpublishedKeyLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _unpublishedKey ??= IdaasSigningKey.Generate();
        }
    }

    private void DisposeUnpublishedKey()
    {
        lock (_unpublishedKeyLock)
        {
            _unpublishedKey?.Dispose();
            _unpublishedKey = null;
        }
    }

    /// <summary>A signed callback body and what it carries.</summary>
    private sealed record SignedCallback(IReadOnlyList<string> EventIds, string TokenId, string Token, byte[] Body);
}
