using System.Diagnostics.CodeAnalysis;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// The outcome of verifying one callback token: the verified claims, or the reason for the rejection.
/// </summary>
public sealed class TokenVerificationResult
{
    private TokenVerificationResult(VerifiedCallbackToken? token, CallbackRejectionReason? reason, string? message)
    {
        Token = token;
        RejectionReason = reason;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the token was verified.</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(RejectionReason), nameof(Message))]
    public bool IsValid => Token is not null;

    /// <summary>Gets the verified claims, or <see langword="null"/> when the token was rejected.</summary>
    public VerifiedCallbackToken? Token { get; }

    /// <summary>Gets the reason for the rejection, or <see langword="null"/> when the token was verified.</summary>
    public CallbackRejectionReason? RejectionReason { get; }

    /// <summary>
    /// Gets a message that explains the rejection without echoing the token, safe to return to the sender.
    /// </summary>
    public string? Message { get; }

    internal static TokenVerificationResult Success(VerifiedCallbackToken token) => new(token, null, null);

    internal static TokenVerificationResult Failure(CallbackRejectionReason reason, string message) => new(null, reason, message);
}
