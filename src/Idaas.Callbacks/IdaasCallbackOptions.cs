namespace Idaas.Callbacks;

/// <summary>
/// Settings for receiving IDaaS account-synchronization callbacks for one application.
/// </summary>
/// <remarks>
/// The options are validated when the host starts; an empty application id or a missing key source stops
/// start-up instead of accepting unverified callbacks.
/// </remarks>
public sealed class IdaasCallbackOptions
{
    /// <summary>The default value of <see cref="ClockSkew"/>: 60 seconds, as in the IDaaS Java SDK.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>The default value of <see cref="MaxBodyBytes"/> and <see cref="MaxTokenBytes"/>: 1 MiB.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Gets or sets the IDaaS application id (for example <c>app_mi2eu5kkg2onbpmsggd7hgtrzq</c>).
    /// Callbacks whose <c>aud</c> claim differs are rejected. Required.
    /// </summary>
    public string ApplicationId { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the IDaaS instance id (for example <c>idaas_2w4vmfrynxi7ae25mt7k5e4opi</c>).
    /// When set, the <c>sub</c> claim and the business data's <c>instanceId</c> must equal it. Optional.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// Gets or sets the application's Public Key Endpoint, the URL of the JWKS that contains the signing keys.
    /// HTTPS is required unless the host is a loopback address. Set this or <see cref="JsonWebKeySet"/>.
    /// </summary>
    public Uri? PublicKeyEndpoint { get; set; }

    /// <summary>
    /// Gets or sets the signing keys as an inline JWKS JSON document, used instead of fetching
    /// <see cref="PublicKeyEndpoint"/>. Set this or <see cref="PublicKeyEndpoint"/>, not both.
    /// </summary>
    public string? JsonWebKeySet { get; set; }

    /// <summary>
    /// Gets or sets the business-data encryption key as 64 hexadecimal characters (AES-256), in either case.
    /// Without a key, encrypted callbacks are rejected. Optional.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether callbacks with unencrypted business data are accepted while
    /// <see cref="EncryptionKey"/> is set. Default <see langword="false"/>: with a key, only encrypted callbacks
    /// are accepted. Without a key, unencrypted callbacks are always accepted.
    /// </summary>
    public bool AllowUnencryptedCallbacks { get; set; }

    /// <summary>
    /// Gets or sets the clock skew tolerated when checking <c>exp</c> and <c>iat</c>.
    /// Default 60 seconds; range 0 to 5 minutes.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>
    /// Gets or sets the maximum size of a callback request body in bytes. Larger bodies are rejected with
    /// HTTP 413 before they are parsed. Default 1 MiB; range 1 KiB to 64 MiB.
    /// </summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Gets or sets the maximum length of the signed token in characters. The decrypted business data is
    /// bounded by it too, because the ciphertext travels base64url-encoded inside the token.
    /// Default 1 MiB; range 1 KiB to 64 MiB.
    /// </summary>
    public int MaxTokenBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>Gets the settings for fetching and caching the signing keys.</summary>
    public SigningKeyOptions SigningKeys { get; } = new();

    /// <summary>Gets the settings for the in-memory event inbox and its deduplication.</summary>
    public InboxOptions Inbox { get; } = new();

    /// <summary>Gets the settings for the background dispatcher that calls the event handlers.</summary>
    public DispatcherOptions Dispatcher { get; } = new();
}
