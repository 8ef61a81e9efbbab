using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Samples.Receiver.Directory;

namespace Idaas.Callbacks.Samples.Receiver.Handlers;

/// <summary>Keeps the local groups and memberships in step with group events.</summary>
/// <remarks>
/// Member events run even when <see cref="IdaasEventContext.IsStale"/> is set. The dispatcher orders by group id,
/// so a newer event about one member marks an older add of another member as stale, although that add still
/// applies. The store orders memberships per (group, account) pair instead.
/// </remarks>
internal sealed class GroupEventHandler(DirectoryStore store, HandledEventCounter counter, ILogger<GroupEventHandler> logger)
    : IIdaasEventHandler<GroupEvent>
{
    public async Task HandleAsync(GroupEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        var groupId = idaasEvent.Group.GroupId ?? idaasEvent.BusinessId;
        if (groupId is null)
        {
            Log.ObjectIdMissing(logger, idaasEvent.EventId, idaasEvent.EventType);
            return;
        }

        var group = DirectoryMapping.ToDirectoryGroup(groupId, idaasEvent.Group);
        var objectId = groupId;
        bool applied;
        if (idaasEvent is GroupDeletedEvent)
        {
            applied = await store.DeleteGroupAsync(groupId, idaasEvent.EventTime, cancellationToken).ConfigureAwait(false);
        }
        else if (idaasEvent is GroupUserAddedEvent or GroupUserRemovedEvent)
        {
            var memberId = DirectoryMapping.GetMemberId(idaasEvent.Group);
            if (memberId is null)
            {
                Log.MemberIdMissing(logger, idaasEvent.EventId, idaasEvent.EventType, groupId);
                applied = await store.UpsertGroupAsync(group, idaasEvent.EventTime, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                objectId = $"{groupId}/{memberId}";
                applied = await store.SetGroupMemberAsync(group, memberId, idaasEvent is GroupUserAddedEvent, idaasEvent.EventTime, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            applied = await store.UpsertGroupAsync(group, idaasEvent.EventTime, cancellationToken).ConfigureAwait(false);
        }

        counter.Record(applied);
        if (applied)
        {
            Log.EventApplied(logger, idaasEvent.EventId, idaasEvent.EventType, objectId);
        }
        else
        {
            Log.EventIgnored(logger, idaasEvent.EventId, idaasEvent.EventType, objectId);
        }
    }
}
