namespace Idaas.Callbacks.Testing;

/// <summary>
/// The claims of one callback token, as <see cref="CallbackTokenSigner"/> writes them.
/// </summary>
public sealed record CallbackTokenDescriptor
{
    /// <summary>The <c>iss</c> value IDaaS sends in every callback token.</summary>
    public const string IdaasIssuer = "urn:alibaba:idaas:app:event";

    /// <summary>Gets the <c>iss</c> claim. Default <see cref="IdaasIssuer"/>.</summary>
    public string Issuer { get; init; } = IdaasIssuer;

    /// <summary>Gets the IDaaS instance id, sent as <c>sub</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Gets the application id, sent as <c>aud</c>.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>Gets the issue time, sent as <c>iat</c> in whole seconds.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gets the time from <c>iat</c> to <c>exp</c>. Default 30 minutes, as in real IDaaS tokens.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets the <c>jti</c> claim, or <see langword="null"/> for 16 random bytes in base64url.</summary>
    public string? TokenId { get; init; }

    /// <summary>
    /// Gets the compact JWE of the business data. When set, the token carries <c>"dataEncrypted":true</c>,
    /// this value as <c>cipherData</c> and an empty <c>plainData</c>.
    /// </summary>
    public string? CipherData { get; init; }

    /// <summary>
    /// Gets the business data as JSON object text, sent as the <c>plainData</c> object when
    /// <see cref="CipherData"/> is <see langword="null"/>.
    /// </summary>
    public string? PlainData { get; init; }
}
