using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Samples.Receiver.Directory;

namespace Idaas.Callbacks.Samples.Receiver.Handlers;

/// <summary>Keeps the local accounts in step with account events.</summary>
/// <remarks>
/// <see cref="IdaasEventContext.IsStale"/> is not consulted: the store compares event times per row itself, which
/// also covers events that the dispatcher saw in another process or before a restart.
/// </remarks>
internal sealed class UserEventHandler(DirectoryStore store, HandledEventCounter counter, ILogger<UserEventHandler> logger)
    : IIdaasEventHandler<UserEvent>
{
    public async Task HandleAsync(UserEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        var userId = idaasEvent.User.UserId ?? idaasEvent.BusinessId;
        if (userId is null)
        {
            Log.ObjectIdMissing(logger, idaasEvent.EventId, idaasEvent.EventType);
            return;
        }

        var applied = idaasEvent is UserDeletedEvent
            ? await store.DeleteUserAsync(userId, idaasEvent.EventTime, cancellationToken).ConfigureAwait(false)
            : await store.UpsertUserAsync(DirectoryMapping.ToDirectoryUser(userId, idaasEvent.User), idaasEvent.EventTime, cancellationToken).ConfigureAwait(false);

        counter.Record(applied);
        if (applied)
        {
            Log.EventApplied(logger, idaasEvent.EventId, idaasEvent.EventType, userId);
        }
        else
        {
            Log.EventIgnored(logger, idaasEvent.EventId, idaasEvent.EventType, userId);
        }
    }
}
