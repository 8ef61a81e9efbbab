using System.Text;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// The claims of a callback token whose signature, issuer, audience, subject and lifetime were verified.
/// </summary>
public sealed class VerifiedCallbackToken
{
    internal VerifiedCallbackToken(TokenClaims claims, string? keyId)
    {
        Issuer = claims.Issuer!;
        Audience = claims.Audience!;
        Subject = claims.Subject;
        TokenId = claims.TokenId!;
        IssuedAt = claims.IssuedAt!.Value;
        ExpiresAt = claims.ExpiresAt!.Value;
        KeyId = keyId;
        DataEncrypted = claims.DataEncrypted;
        CipherData = claims.CipherData;
        PlainData = claims.PlainData;
        PlainDataEventData = claims.PlainDataEventData;
    }

    /// <summary>Gets the <c>iss</c> claim, always <c>urn:alibaba:idaas:app:event</c>.</summary>
    public string Issuer { get; }

    /// <summary>Gets the <c>aud</c> claim: the application id.</summary>
    public string Audience { get; }

    /// <summary>Gets the <c>sub</c> claim: the IDaaS instance id, or <see langword="null"/> when absent.</summary>
    public string? Subject { get; }

    /// <summary>Gets the <c>jti</c> claim, unique per token.</summary>
    public string TokenId { get; }

    /// <summary>Gets the <c>iat</c> claim.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>Gets the <c>exp</c> claim.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Gets the <c>kid</c> of the key that verified the signature, or <see langword="null"/> when the header had none.</summary>
    public string? KeyId { get; }

    /// <summary>Gets a value indicating whether the business data travels encrypted in <see cref="CipherData"/>.</summary>
    public bool DataEncrypted { get; }

    /// <summary>Gets the compact JWE of the business data when <see cref="DataEncrypted"/> is <see langword="true"/>.</summary>
    public string? CipherData { get; }

    /// <summary>
    /// Gets the UTF-8 JSON of the unencrypted business data: the <c>plainData</c> object, or the JSON text of a
    /// <c>plainData</c> string. Empty when the data is encrypted or absent.
    /// </summary>
    public ReadOnlyMemory<byte> PlainData { get; }

    /// <summary>Gets the position of the <c>eventData</c> string in <see cref="PlainData"/>, when the claims reader recorded one.</summary>
    internal Events.Internal.CheckedEventData? PlainDataEventData { get; }

    /// <summary>Returns a description with the token id and key id, never the token itself.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder("VerifiedCallbackToken { TokenId = ").Append(TokenId);
        builder.Append(", KeyId = ").Append(KeyId).Append(", DataEncrypted = ").Append(DataEncrypted).Append(" }");
        return builder.ToString();
    }
}
