using Idaas.Callbacks.Acknowledgement;

namespace Idaas.Callbacks.Processing;

/// <summary>The outcome of <see cref="CallbackIntake.AcceptAsync"/> for one accepted callback.</summary>
/// <param name="Status">
/// <see cref="InboxEnqueueStatus.Accepted"/> when the handled events are in the inbox (or none needed it);
/// otherwise the status with which the inbox rejected the batch, and nothing was taken.
/// </param>
/// <param name="Acknowledgement">The response body, or <see langword="null"/> when the inbox rejected the batch.</param>
/// <param name="EnqueuedCount">The number of events the inbox took, without duplicates.</param>
internal sealed record CallbackIntakeResult(InboxEnqueueStatus Status, CallbackAcknowledgement? Acknowledgement, int EnqueuedCount)
{
    public static CallbackIntakeResult Rejected(InboxEnqueueStatus status) => new(status, null, 0);
}
