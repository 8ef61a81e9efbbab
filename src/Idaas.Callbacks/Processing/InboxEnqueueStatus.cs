namespace Idaas.Callbacks.Processing;

/// <summary>The outcome of <see cref="IEventInbox.EnqueueAsync(IReadOnlyList{Events.IdaasEvent}, DateTimeOffset, CancellationToken)"/> for a whole batch.</summary>
public enum InboxEnqueueStatus
{
    /// <summary>Every event of the batch is taken or was taken before.</summary>
    Accepted = 1,

    /// <summary>The inbox has no room for the batch; nothing was taken. The sender should retry later.</summary>
    Full,

    /// <summary>The inbox is closed because the host is stopping; nothing was taken.</summary>
    Closed,
}
