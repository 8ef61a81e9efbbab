using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Simulation;

/// <summary>
/// The changes the simulator run makes and delivers. They are the test event, a unit tree, a full push of every
/// account, updates, password changes, disables, locks, moves, group changes and deletes. Some are delivered
/// twice, out of order or after a lost acknowledgement, and the last ones around a signing-key rotation. Then a
/// gap follows, whose callbacks are dropped on purpose, for a reconcile to repair.
/// </summary>
/// <remarks>
/// Each step before the gap changes its own range of accounts, so those steps do not depend on one another's
/// order.
/// </remarks>
internal sealed partial class SimulatorScenario(IdaasSimulator simulator, CallbackDelivery delivery, SimulatorRunOptions options)
{
    private const int BatchSize = 20;

    private static readonly string[] DivisionNames = ["Engineering", "Sales", "Operations"];
    private static readonly string[] GroupNames = ["Administrators", "Developers", "Support", "Temporary"];

    private readonly SimulatorDirectory _directory = simulator.Directory;
    private readonly List<string> _userIds = [];
    private readonly Dictionary<string, string> _unitOfUser = new(StringComparer.Ordinal);
    private readonly List<string> _leafUnitIds = [];

    /// <summary>Plays every step; each delivery finishes before the next step starts.</summary>
    /// <param name="cancellationToken">Ends the run.</param>
    /// <returns>A task that completes when the last callback has its final outcome.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.UserCount, SimulatorRunOptions.MinUserCount);

        await delivery.DeliverAsync([_directory.SendTestEvent()], cancellationToken).ConfigureAwait(false);
        await CreateUnitTreeAsync(cancellationToken).ConfigureAwait(false);
        await FullPushAsync(cancellationToken).ConfigureAwait(false);
        await ChangeUsersAsync(cancellationToken).ConfigureAwait(false);
        await ChangeGroupsAsync(cancellationToken).ConfigureAwait(false);
        await DeliverWithFaultsAsync(cancellationToken).ConfigureAwait(false);
        await DeliverOutOfOrderAsync(cancellationToken).ConfigureAwait(false);
        await DeleteAsync(cancellationToken).ConfigureAwait(false);
        await RotateSigningKeyAsync(cancellationToken).ConfigureAwait(false);
        await DropCallbacksAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates three divisions under the root, two departments in each and two teams in each department.</summary>
    private async Task CreateUnitTreeAsync(CancellationToken cancellationToken)
    {
        var departments = new List<SimulatorChange>();
        var teams = new List<SimulatorChange>();
        var divisions = DivisionNames
            .Select(name => _directory.CreateOrganizationalUnit(name, description: $"{name} division"))
            .ToList();
        foreach (var division in divisions)
        {
            for (var d = 1; d <= 2; d++)
            {
                var department = _directory.CreateOrganizationalUnit($"Department {d}", division.ObjectId);
                departments.Add(department);
                for (var t = 1; t <= 2; t++)
                {
                    var team = _directory.CreateOrganizationalUnit($"Team {d}.{t}", department.ObjectId);
                    teams.Add(team);
                    _leafUnitIds.Add(team.ObjectId);
                }
            }
        }

        // One callback per level, parents first, as an administrator builds the tree.
        await DeliverChangesAsync(divisions, divisions.Count, cancellationToken).ConfigureAwait(false);
        await DeliverChangesAsync(departments, departments.Count, cancellationToken).ConfigureAwait(false);
        await DeliverChangesAsync(teams, teams.Count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the accounts without sending their create events, then sends a full push in batches of 100.</summary>
    private async Task FullPushAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.UserCount; i++)
        {
            var unitId = _leafUnitIds[i % _leafUnitIds.Count];
            var userId = _directory.CreateUser($"user{i:D4}", $"User {i:D4}", $"user{i:D4}@example.com", primaryOrganizationalUnitId: unitId).ObjectId;
            _userIds.Add(userId);
            _unitOfUser[userId] = unitId;
        }

        await delivery.DeliverAllAsync(_directory.FullPush(batchSize: 100), DeliveryOrder.AsGiven, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates, password changes, disables and enables, locks and unlocks, and moves, each on its own accounts.</summary>
    private async Task ChangeUsersAsync(CancellationToken cancellationToken)
    {
        var updates = Users(0, 100).Select(id => _directory.UpdateUser(id, displayName: $"Updated {id[^6..]}", description: "Updated by the scenario"));
        await DeliverChangesAsync(updates, BatchSize, cancellationToken).ConfigureAwait(false);

        // Password sync sends the plaintext password; the receiver stores only that one is set.
        simulator.Options.SyncPasswords = true;
        var passwords = Users(100, 10).Select(id => _directory.ChangePassword(id, $"Example-{Guid.NewGuid():N}"));
        await DeliverChangesAsync(passwords, BatchSize, cancellationToken).ConfigureAwait(false);
        simulator.Options.SyncPasswords = false;

        var disables = Users(110, 30).Select(_directory.DisableUser);
        await DeliverChangesAsync(disables, BatchSize, cancellationToken).ConfigureAwait(false);
        var enables = Users(110, 10).Select(_directory.EnableUser);
        await DeliverChangesAsync(enables, BatchSize, cancellationToken).ConfigureAwait(false);

        var locks = Users(140, 20).Select(id => _directory.LockUser(id, TimeSpan.FromHours(2)));
        await DeliverChangesAsync(locks, BatchSize, cancellationToken).ConfigureAwait(false);
        var unlocks = Users(140, 10).Select(_directory.UnlockUser);
        await DeliverChangesAsync(unlocks, BatchSize, cancellationToken).ConfigureAwait(false);

        var moves = Users(160, 50).Select(id => MoveUser(id, _leafUnitIds[(_leafUnitIds.IndexOf(_unitOfUser[id]) + 1) % _leafUnitIds.Count]));
        await DeliverChangesAsync(moves, BatchSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates four groups with members, updates one, removes members and deletes one group.</summary>
    private async Task ChangeGroupsAsync(CancellationToken cancellationToken)
    {
        var groups = GroupNames.Select(name => _directory.CreateGroup(name, $"{name} group")).ToList();
        await DeliverChangesAsync(groups, groups.Count, cancellationToken).ConfigureAwait(false);

        var additions = new List<SimulatorChange>();
        for (var g = 0; g < groups.Count; g++)
        {
            // Members overlap between groups, and some of them are deleted later.
            additions.AddRange(Users(270 + (g * 10), 25).Select(id => _directory.AddGroupMember(groups[g].ObjectId, id)));
        }

        await DeliverChangesAsync(additions, BatchSize, cancellationToken).ConfigureAwait(false);

        var support = groups[2].ObjectId;
        await DeliverChangesAsync([_directory.UpdateGroup(support, name: "Customer Support", description: "First-line support")], 1, cancellationToken).ConfigureAwait(false);
        var removals = _directory.GetGroupMembers(support).Take(5).Select(id => _directory.RemoveGroupMember(support, id)).ToList();
        await DeliverChangesAsync(removals, BatchSize, cancellationToken).ConfigureAwait(false);
        await DeliverChangesAsync([_directory.DeleteGroup(groups[3].ObjectId)], 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends every post twice for a while, then loses one acknowledgement so that the callback is retried.</summary>
    private async Task DeliverWithFaultsAsync(CancellationToken cancellationToken)
    {
        delivery.Faults.DuplicateDelivery = true;
        var duplicated = Users(210, 30).Select(id => _directory.UpdateUser(id, description: "Delivered twice"));
        await DeliverChangesAsync(duplicated, 10, cancellationToken).ConfigureAwait(false);
        delivery.Faults.DuplicateDelivery = false;

        // The receiver handles the first post; the retry after the timeout is acknowledged as a duplicate.
        delivery.Faults.DropResponses = 1;
        var retried = Users(240, 10).Select(id => _directory.UpdateUser(id, description: "Acknowledgement lost once"));
        await DeliverChangesAsync(retried, 10, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Delivers three changes to each of 20 accounts newest first, and member changes of one group in a seeded
    /// random order, each change in its own callback.
    /// </summary>
    private async Task DeliverOutOfOrderAsync(CancellationToken cancellationToken)
    {
        var reversed = new List<SimulatorChange>();
        foreach (var id in Users(250, 20))
        {
            reversed.Add(_directory.UpdateUser(id, description: "First change"));
            reversed.Add(_directory.DisableUser(id));
            reversed.Add(_directory.UpdateUser(id, displayName: $"Reordered {id[^6..]}", description: "Last change"));
        }

        await delivery.DeliverAllAsync(reversed.Select(change => change.Events), DeliveryOrder.Reversed, cancellationToken).ConfigureAwait(false);

        // An add of one member must still apply after a newer event about another member of the same group.
        var group = _directory.CreateGroup("Reordered members");
        await DeliverChangesAsync([group], 1, cancellationToken).ConfigureAwait(false);
        var shuffled = new List<SimulatorChange>();
        foreach (var id in Users(330, 20))
        {
            shuffled.Add(_directory.AddGroupMember(group.ObjectId, id));
        }

        foreach (var id in Users(330, 8))
        {
            shuffled.Add(_directory.RemoveGroupMember(group.ObjectId, id));
        }

        foreach (var id in Users(330, 3))
        {
            shuffled.Add(_directory.AddGroupMember(group.ObjectId, id));
        }

        delivery.Options.ShuffleSeed = options.Seed;
        await delivery.DeliverAllAsync(shuffled.Select(change => change.Events), DeliveryOrder.Shuffled, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes accounts, some of them group members, and empties and deletes one team.</summary>
    private async Task DeleteAsync(CancellationToken cancellationToken)
    {
        var deletedIds = Users(280, 25).ToHashSet(StringComparer.Ordinal);
        var deletes = deletedIds.Select(_directory.DeleteUser).ToList();
        await DeliverChangesAsync(deletes, BatchSize, cancellationToken).ConfigureAwait(false);

        // IDaaS deletes only empty units, so the team's remaining accounts move out first.
        var team = _leafUnitIds[^1];
        var target = _leafUnitIds[0];
        var moves = _unitOfUser
            .Where(pair => pair.Value == team && !deletedIds.Contains(pair.Key))
            .Select(pair => pair.Key)
            .ToList()
            .Select(id => MoveUser(id, target))
            .ToList();
        await DeliverChangesAsync(moves, BatchSize, cancellationToken).ConfigureAwait(false);
        await DeliverChangesAsync([_directory.DeleteOrganizationalUnit(team)], 1, cancellationToken).ConfigureAwait(false);
        _leafUnitIds.Remove(team);
    }

    /// <summary>Publishes a new key, signs with it, and retires the old one, delivering changes between the steps.</summary>
    private async Task RotateSigningKeyAsync(CancellationToken cancellationToken)
    {
        var oldKey = simulator.Keys.Current;
        var newKey = simulator.Keys.PublishNewKey();
        simulator.Keys.SwitchSigningTo(newKey);

        // The receiver meets an unknown kid and fetches the JWKS again, which now lists both keys.
        var signedWithNewKey = Users(360, 20).Select(id => _directory.UpdateUser(id, description: "Signed with the new key"));
        await DeliverChangesAsync(signedWithNewKey, BatchSize, cancellationToken).ConfigureAwait(false);

        simulator.Keys.Retire(oldKey);
        var afterRetire = Users(380, 20).Select(id => _directory.UpdateUser(id, description: "Old key retired"));
        await DeliverChangesAsync(afterRetire, BatchSize, cancellationToken).ConfigureAwait(false);
    }

    private SimulatorChange MoveUser(string userId, string unitId)
    {
        _unitOfUser[userId] = unitId;
        return _directory.MoveUser(userId, unitId);
    }

    private IEnumerable<string> Users(int start, int count) => _userIds.Skip(start).Take(count);

    /// <summary>Delivers the events of the changes in callbacks of at most <paramref name="batchSize"/> events, in order.</summary>
    private async Task DeliverChangesAsync(IEnumerable<SimulatorChange> changes, int batchSize, CancellationToken cancellationToken)
    {
        var batches = changes.SelectMany(change => change.Events).Chunk(batchSize).Select(batch => (IReadOnlyList<SimulatorEvent>)batch).ToList();
        await delivery.DeliverAllAsync(batches, DeliveryOrder.AsGiven, cancellationToken).ConfigureAwait(false);
    }
}
