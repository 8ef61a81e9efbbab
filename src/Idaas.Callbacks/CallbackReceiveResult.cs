using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Verification;

namespace Idaas.Callbacks;

/// <summary>
/// The outcome of <see cref="CallbackReceiver.ReceiveAsync(ReadOnlyMemory{byte}, CancellationToken)"/> for one request body: the verified token and its
/// decoded events, or the reason for the rejection with the HTTP status to return.
/// </summary>
public sealed class CallbackReceiveResult
{
    private CallbackReceiveResult(
        VerifiedCallbackToken? token,
        IReadOnlyList<IdaasEvent> events,
        IReadOnlyList<EventDecodingFailure> failedEvents,
        CallbackRejectionReason? reason,
        string? message)
    {
        Token = token;
        Events = events;
        FailedEvents = failedEvents;
        RejectionReason = reason;
        RejectionMessage = message;
    }

    /// <summary>Gets a value indicating whether the callback was verified and its business data decoded.</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(RejectionReason), nameof(RejectionMessage))]
    public bool IsAccepted => Token is not null;

    /// <summary>Gets the verified token, or <see langword="null"/> when the callback was rejected.</summary>
    public VerifiedCallbackToken? Token { get; }

    /// <summary>Gets the events that decoded, in batch order. Empty when the callback was rejected.</summary>
    public IReadOnlyList<IdaasEvent> Events { get; }

    /// <summary>
    /// Gets the events of an accepted callback that failed to decode; the rest of the batch is still in
    /// <see cref="Events"/>.
    /// </summary>
    public IReadOnlyList<EventDecodingFailure> FailedEvents { get; }

    /// <summary>Gets the reason for the rejection, or <see langword="null"/> when the callback was accepted.</summary>
    public CallbackRejectionReason? RejectionReason { get; }

    /// <summary>Gets a message that explains the rejection, safe to return to the sender; it never echoes the token.</summary>
    public string? RejectionMessage { get; }

    /// <summary>
    /// Gets the HTTP status an endpoint should return: 200 when accepted; 413 for a body or token over the size
    /// limits; 415 for <see cref="CallbackRejectionReason.UnsupportedMediaType"/>; 503 when the sender should
    /// retry (see <see cref="IsRetryable"/>); 400 for every other rejection.
    /// </summary>
    public int StatusCode => RejectionReason switch
    {
        null => 200,
        CallbackRejectionReason.BodyTooLarge or CallbackRejectionReason.TokenTooLarge => 413,
        CallbackRejectionReason.UnsupportedMediaType => 415,
        _ when IsRetryable => 503,
        _ => 400,
    };

    /// <summary>
    /// Gets a value indicating whether a retry of the same callback may succeed, so the endpoint should return
    /// 503 and IDaaS should send it again.
    /// </summary>
    /// <remarks>
    /// Retryable: the keys could not be fetched, no key matches the <c>kid</c> (the Public Key Endpoint may not
    /// serve a new key yet), and a verified callback whose business data cannot be decrypted or decoded or
    /// breaks the encryption policy. Those callbacks are authentic, so returning 4xx would lose them for good
    /// while an operator could still fix the key or the policy before IDaaS stops retrying. The endpoint's
    /// <see cref="CallbackRejectionReason.InboxFull"/> and <see cref="CallbackRejectionReason.InboxClosed"/>
    /// are retryable too.
    /// </remarks>
    public bool IsRetryable => RejectionReason is CallbackRejectionReason.KeysUnavailable
        or CallbackRejectionReason.InboxFull
        or CallbackRejectionReason.InboxClosed
        or CallbackRejectionReason.UnknownKey
        or CallbackRejectionReason.EncryptionRequired
        or CallbackRejectionReason.DecryptionFailed
        or CallbackRejectionReason.MalformedBusinessData;

    /// <summary>
    /// Gets the context of the <c>idaas.callbacks.receive</c> span of an accepted callback, or the default when no
    /// listener recorded the span. Set once by <see cref="CallbackReceiver"/> before the result is returned.
    /// </summary>
    internal ActivityContext ReceiveActivityContext { get; set; }

    internal static CallbackReceiveResult Accepted(VerifiedCallbackToken token, IReadOnlyList<IdaasEvent> events, IReadOnlyList<EventDecodingFailure> failedEvents)
        => new(token, events, failedEvents, null, null);

    internal static CallbackReceiveResult Rejected(CallbackRejectionReason reason, string message)
        => new(null, [], [], reason, message);
}
