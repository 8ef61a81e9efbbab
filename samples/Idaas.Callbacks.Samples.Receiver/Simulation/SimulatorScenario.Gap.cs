using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Simulation;

// The gap: changes whose callbacks the receiver rejects on every attempt, so that the delivery gives up on them,
// and what follows the reconcile that repairs them.
internal sealed partial class SimulatorScenario
{
    private readonly List<string> _createdInGap = [];
    private readonly List<SimulatorChange> _heldBack = [];

    /// <summary>Gets the number of callbacks the delivery gave up on during the gap.</summary>
    public int DroppedCallbacks { get; private set; }

    /// <summary>Gets the number of events in those callbacks.</summary>
    public int DroppedEvents { get; private set; }

    /// <summary>
    /// Changes accounts, groups and a unit while every post carries a tampered signature. The receiver rejects
    /// all attempts, so the delivery gives up on each callback, as IDaaS does after its retries.
    /// </summary>
    private async Task DropCallbacksAsync(CancellationToken cancellationToken)
    {
        var changes = new List<SimulatorChange>();
        changes.AddRange(Users(0, 12).Select(id => _directory.UpdateUser(id, displayName: $"Renamed {id[^6..]}", email: $"{id[^6..]}@new.example.com")));
        changes.AddRange(Users(12, 3).Select(id => _directory.UpdateUser(id, username: $"renamed-{id[^6..]}")));
        changes.AddRange(Users(20, 5).Select(_directory.DisableUser));
        changes.AddRange(Users(120, 3).Select(_directory.EnableUser));

        // Two of the deleted accounts are group members, which IDaaS removes without group events.
        changes.AddRange(Users(30, 2).Concat(Users(310, 2)).ToList().Select(_directory.DeleteUser));
        for (var i = 0; i < 3; i++)
        {
            var created = _directory.CreateUser($"gap-user{i}", $"Gap User {i}", $"gap-user{i}@example.com");
            _createdInGap.Add(created.ObjectId);
            changes.Add(created);
        }

        // The older of two changes to one account is held back and arrives after the reconcile.
        var heldBackUser = Users(50, 1).Single();
        _heldBack.Add(_directory.UpdateUser(heldBackUser, displayName: "Older change"));
        changes.Add(_directory.UpdateUser(heldBackUser, displayName: "Newer change"));

        changes.AddRange(ChangeGroupsInGap());

        // Organizational units are not in SCIM, so the full push after the reconcile repairs this rename.
        var division = _directory.CreateSnapshot().OrganizationalUnits.First(unit => unit.Name == DivisionNames[1]);
        changes.Add(_directory.UpdateOrganizationalUnit(division.OrganizationalUnitId, name: "Sales and Marketing"));

        var retryDelays = delivery.Options.RetryDelays.ToList();
        delivery.Options.RetryDelays.Clear();
        delivery.Faults.TamperSignature = true;
        try
        {
            var batches = changes.SelectMany(change => change.Events).Chunk(BatchSize).Select(batch => (IReadOnlyList<SimulatorEvent>)batch).ToList();
            var results = await delivery.DeliverAllAsync(batches, DeliveryOrder.AsGiven, cancellationToken).ConfigureAwait(false);
            DroppedCallbacks = results.Count;
            DroppedEvents = batches.Sum(batch => batch.Count);
        }
        finally
        {
            delivery.Faults.TamperSignature = false;
            foreach (var delay in retryDelays)
            {
                delivery.Options.RetryDelays.Add(delay);
            }
        }
    }

    /// <summary>Creates a group with members, renames one, changes members of two and deletes one.</summary>
    private List<SimulatorChange> ChangeGroupsInGap()
    {
        var changes = new List<SimulatorChange>();
        var groups = _directory.CreateSnapshot().Groups;
        var contractors = _directory.CreateGroup("Contractors");
        changes.Add(contractors);
        changes.AddRange(Users(40, 5).Concat(_createdInGap).Select(id => _directory.AddGroupMember(contractors.ObjectId, id)));

        var developers = groups.First(group => group.Name == GroupNames[1]).GroupId;
        changes.Add(_directory.UpdateGroup(developers, name: "Software Engineers"));

        var administrators = groups.First(group => group.Name == GroupNames[0]);
        changes.AddRange(administrators.MemberIds.Take(3).Select(id => _directory.RemoveGroupMember(administrators.GroupId, id)));
        var support = groups.First(group => group.Name == "Customer Support").GroupId;
        changes.AddRange(Users(60, 4).Select(id => _directory.AddGroupMember(support, id)));

        changes.Add(_directory.DeleteGroup(groups.First(group => group.Name == "Reordered members").GroupId));
        return changes;
    }

    /// <summary>
    /// Runs after the reconcile: a full push of the organizational units, as an administrator would start from the
    /// console, then the held-back older callback, which the store ignores, and moves of the accounts created in
    /// the gap. Their callbacks are newer than the reconcile, so they replace its rows and fill in the fields
    /// that SCIM does not carry.
    /// </summary>
    /// <param name="cancellationToken">Ends the run.</param>
    /// <returns>A task that completes when the last callback has its final outcome.</returns>
    public async Task FinishAfterReconcileAsync(CancellationToken cancellationToken)
    {
        var unitBatches = _directory.FullPush()
            .SelectMany(batch => batch)
            .Where(simulatorEvent => simulatorEvent.EventType == IdaasEventTypes.OrganizationalUnitPushed)
            .Chunk(100)
            .Select(batch => (IReadOnlyList<SimulatorEvent>)batch)
            .ToList();
        await delivery.DeliverAllAsync(unitBatches, DeliveryOrder.AsGiven, cancellationToken).ConfigureAwait(false);

        await DeliverChangesAsync(_heldBack, BatchSize, cancellationToken).ConfigureAwait(false);
        var moves = _createdInGap.Select(id => MoveUser(id, _leafUnitIds[0]));
        await DeliverChangesAsync(moves, BatchSize, cancellationToken).ConfigureAwait(false);
    }
}
