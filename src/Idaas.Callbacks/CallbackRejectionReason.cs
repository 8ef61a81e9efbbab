namespace Idaas.Callbacks;

/// <summary>
/// The reason a callback was rejected. The values are stable and safe to show to the sender.
/// </summary>
public enum CallbackRejectionReason
{
    /// <summary>The body is not a JSON object with one string member named <c>event</c>.</summary>
    MalformedBody = 1,

    /// <summary>The body is larger than <see cref="IdaasCallbackOptions.MaxBodyBytes"/>.</summary>
    BodyTooLarge,

    /// <summary>The token is longer than <see cref="IdaasCallbackOptions.MaxTokenBytes"/>.</summary>
    TokenTooLarge,

    /// <summary>The token is not a compact JWS of three canonical base64url segments with a JSON header and payload.</summary>
    MalformedToken,

    /// <summary>The token's <c>alg</c> is not <c>RS256</c>, or its header carries parameters that are not supported.</summary>
    UnsupportedAlgorithm,

    /// <summary>No signing key with the token's <c>kid</c> exists, even after a refresh of the key set.</summary>
    UnknownKey,

    /// <summary>The signature does not verify with the signing key.</summary>
    InvalidSignature,

    /// <summary>The token's <c>exp</c> lies in the past, beyond the clock skew.</summary>
    Expired,

    /// <summary>The token's <c>iat</c> lies in the future, beyond the clock skew.</summary>
    NotYetValid,

    /// <summary>The <c>iss</c> claim is not <c>urn:alibaba:idaas:app:event</c>.</summary>
    InvalidIssuer,

    /// <summary>The <c>aud</c> claim is not the configured application id.</summary>
    InvalidAudience,

    /// <summary>The <c>sub</c> claim, or the business data's <c>instanceId</c>, is not the configured instance id.</summary>
    InvalidSubject,

    /// <summary>A required claim (<c>iss</c>, <c>aud</c>, <c>sub</c>, <c>iat</c>, <c>exp</c>, <c>jti</c>) is absent.</summary>
    MissingClaim,

    /// <summary>A claim has the wrong JSON type or an out-of-range value.</summary>
    InvalidClaim,

    /// <summary>The signing keys could not be fetched, and none are cached; the sender should retry.</summary>
    KeysUnavailable,

    /// <summary>The business data is unencrypted while encryption is required.</summary>
    EncryptionRequired,

    /// <summary>The business data could not be decrypted with the configured key, or no key is configured.</summary>
    DecryptionFailed,

    /// <summary>The business data is not the expected JSON structure.</summary>
    MalformedBusinessData,

    /// <summary>
    /// The request's <c>Content-Type</c> is not JSON, or names a charset other than UTF-8. Returned by the
    /// ASP.NET Core endpoint before the body is read; <see cref="CallbackReceiver"/> never returns it.
    /// </summary>
    UnsupportedMediaType,

    /// <summary>
    /// The callback is valid, but the event inbox has no room for its events, so none of them was taken.
    /// The sender should retry later.
    /// </summary>
    InboxFull,

    /// <summary>
    /// The host is stopping or the event inbox is closed, so no events are taken. The sender should retry,
    /// for example against another replica or after the restart.
    /// </summary>
    InboxClosed,
}
