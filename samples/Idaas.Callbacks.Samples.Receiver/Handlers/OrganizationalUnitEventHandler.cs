using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Samples.Receiver.Directory;

namespace Idaas.Callbacks.Samples.Receiver.Handlers;

/// <summary>Keeps the local organizational units in step with unit events, ordering by event time per unit.</summary>
internal sealed class OrganizationalUnitEventHandler(DirectoryStore store, HandledEventCounter counter, ILogger<OrganizationalUnitEventHandler> logger)
    : IIdaasEventHandler<OrganizationalUnitEvent>
{
    public async Task HandleAsync(OrganizationalUnitEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        // The account's primary unit arrives with account events, and the shape of these two is not documented.
        if (idaasEvent is OrganizationalUnitUserAddedEvent or OrganizationalUnitUserRemovedEvent)
        {
            Log.EventNotStored(logger, idaasEvent.EventId, idaasEvent.EventType);
            return;
        }

        var unitId = idaasEvent.OrganizationalUnit.OrganizationalUnitId ?? idaasEvent.BusinessId;
        if (unitId is null)
        {
            Log.ObjectIdMissing(logger, idaasEvent.EventId, idaasEvent.EventType);
            return;
        }

        var applied = idaasEvent is OrganizationalUnitDeletedEvent
            ? await store.DeleteOrganizationalUnitAsync(unitId, idaasEvent.EventTime, cancellationToken).ConfigureAwait(false)
            : await store.UpsertOrganizationalUnitAsync(DirectoryMapping.ToDirectoryUnit(unitId, idaasEvent.OrganizationalUnit), idaasEvent.EventTime, cancellationToken).ConfigureAwait(false);

        counter.Record(applied);
        if (applied)
        {
            Log.EventApplied(logger, idaasEvent.EventId, idaasEvent.EventType, unitId);
        }
        else
        {
            Log.EventIgnored(logger, idaasEvent.EventId, idaasEvent.EventType, unitId);
        }
    }
}
