using Idaas.Callbacks.Acknowledgement;

namespace Idaas.Callbacks.Processing;

/// <summary>The outcome of <see cref="CallbackIntake.AcceptAsync"/> for one accepted callback.</summary>
/// <param name="Status">
/// <see cref="InboxEnqueueStatus.Accepted"/> when the handled events are in the inbox (or none needed it);
/// otherwise the inbox's refusal, and nothing was taken.
/// </param>
/// <param name="Acknowledgement">The body to answer with, or <see langword="null"/> when the inbox refused the batch.</param>
/// <param name="EnqueuedCount">The number of events the inbox took, without duplicates.</param>
internal sealed record CallbackIntakeResult(InboxEnqueueStatus Status, CallbackAcknowledgement? Acknowledgement, int EnqueuedCount)
{
    public static CallbackIntakeResult Refused(InboxEnqueueStatus status) => new(status, null, 0);
}
