using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>
/// Repairs the local directory from IDaaS after a gap in callbacks: reads every account and group, with members,
/// through SCIM and writes what differs.
/// </summary>
/// <remarks>
/// <para>
/// Ordering: every repair is written with one event time, the reconcile's start time or 1 ms after the latest
/// event time already stored, whichever is later. Every callback applied before the start describes a state that
/// the SCIM read already includes, so the repair must order after it. A callback that arrives later with an
/// older event time describes a state the SCIM read has already passed, so the store ignores it. A callback with
/// a later event time still replaces the repaired row. A row that such a callback changed while the reconcile was
/// running keeps the callback's values, and the report counts the repair as skipped.
/// </para>
/// <para>
/// NOTE: the ordering assumes that IDaaS event times and the app's clock agree. When the app's clock is ahead, a
/// callback for a change made just after the SCIM read can carry an event time before the reconcile's and be
/// ignored until its entity changes again.
/// </para>
/// <para>
/// Organizational units are not in SCIM, so a reconcile leaves them alone, and a full push from the IDaaS console
/// repairs them. Only one reconcile runs at a time, and a second call waits for the first.
/// </para>
/// </remarks>
public sealed class DirectoryReconciler(IScimClient scimClient, DirectoryStore store, TimeProvider timeProvider, ILogger<DirectoryReconciler> logger) : IDisposable
{
    /// <summary>The default number of differences listed in <see cref="DirectoryReconcileReport.Changes"/>.</summary>
    public const int DefaultMaxReportedChanges = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Reads IDaaS through SCIM and repairs the local accounts, groups and memberships.</summary>
    /// <param name="maxReportedChanges">The number of differences to list in the report; the rest are only counted.</param>
    /// <param name="cancellationToken">Ends the reconcile; repairs already written stay.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ScimException">A SCIM request failed; repairs written before it stay.</exception>
    public async Task<DirectoryReconcileReport> ReconcileAsync(int maxReportedChanges = DefaultMaxReportedChanges, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxReportedChanges);

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var startTime = timeProvider.GetUtcNow();
            var latest = await store.GetLatestEventTimeAsync(cancellationToken).ConfigureAwait(false);
            var eventTime = latest is { } stored && stored >= startTime ? stored.AddMilliseconds(1) : startTime;
            Log.ReconcileStarted(logger, eventTime);

            var scimUsers = new Dictionary<string, ScimUser>(StringComparer.Ordinal);
            await foreach (var user in scimClient.ListUsersAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrEmpty(user.Id))
                {
                    scimUsers[user.Id] = user;
                }
            }

            var scimGroups = await ReadGroupsAsync(cancellationToken).ConfigureAwait(false);
            var changes = new ReconcileChangeLog(maxReportedChanges);
            await ReconcileUsersAsync(scimUsers, eventTime, changes, cancellationToken).ConfigureAwait(false);
            await ReconcileGroupsAsync(scimGroups, eventTime, changes, cancellationToken).ConfigureAwait(false);

            var report = changes.ToReport(startTime, eventTime, scimUsers.Count, scimGroups.Count);
            var counts = report.FormatCounts();
            Log.ReconcileFinished(logger, report.ScimUsers, report.ScimGroups, report.DifferenceCount, counts);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the gate that serializes reconciles.</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>Lists the groups, then reads each one by id, because lists may leave out the members.</summary>
    private async Task<Dictionary<string, ScimGroup>> ReadGroupsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var group in scimClient.ListGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(group.Id))
            {
                ids.Add(group.Id);
            }
        }

        var groups = new Dictionary<string, ScimGroup>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            // A group deleted between the list and the read is treated as gone.
            if (await scimClient.GetGroupAsync(id, cancellationToken).ConfigureAwait(false) is { } group)
            {
                groups[id] = group;
            }
        }

        return groups;
    }

    private async Task ReconcileUsersAsync(Dictionary<string, ScimUser> scimUsers, DateTimeOffset eventTime, ReconcileChangeLog changes, CancellationToken cancellationToken)
    {
        var localUsers = (await store.ListUsersAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .ToDictionary(user => user.UserId, StringComparer.Ordinal);

        foreach (var (id, scimUser) in scimUsers.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            localUsers.TryGetValue(id, out var local);
            var repaired = new DirectoryUser
            {
                UserId = id,
                Username = scimUser.UserName,
                DisplayName = scimUser.DisplayName,
                Email = ScimDirectoryMapping.GetEmail(scimUser),
                Status = ScimDirectoryMapping.GetStatus(scimUser, local?.Status),
            };

            string[] fields = local is null ? [] : DifferingFields(local, repaired);
            if (local is not null && fields.Length == 0)
            {
                continue;
            }

            var applied = await store.ReconcileUserAsync(repaired, eventTime, cancellationToken).ConfigureAwait(false);
            changes.Add(new ReconcileChange(local is null ? ReconcileChangeKind.UserAdded : ReconcileChangeKind.UserUpdated, id, fields, null, applied));
        }

        foreach (var id in localUsers.Keys.Where(id => !scimUsers.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            var applied = await store.DeleteUserAsync(id, eventTime, cancellationToken).ConfigureAwait(false);
            changes.Add(new ReconcileChange(ReconcileChangeKind.UserRemoved, id, [], null, applied));
        }
    }

    private async Task ReconcileGroupsAsync(Dictionary<string, ScimGroup> scimGroups, DateTimeOffset eventTime, ReconcileChangeLog changes, CancellationToken cancellationToken)
    {
        var localGroups = (await store.ListGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            .ToDictionary(group => group.GroupId, StringComparer.Ordinal);

        foreach (var (id, scimGroup) in scimGroups.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            localGroups.TryGetValue(id, out var local);
            if (local is null || !string.Equals(local.Name, scimGroup.DisplayName, StringComparison.Ordinal))
            {
                var applied = await store.ReconcileGroupAsync(id, scimGroup.DisplayName, eventTime, cancellationToken).ConfigureAwait(false);
                changes.Add(local is null
                    ? new ReconcileChange(ReconcileChangeKind.GroupAdded, id, [], null, applied)
                    : new ReconcileChange(ReconcileChangeKind.GroupUpdated, id, ["name"], null, applied));
            }

            var expected = ScimDirectoryMapping.GetUserMemberIds(scimGroup);
            var current = (local?.MemberIds ?? []).ToHashSet(StringComparer.Ordinal);
            foreach (var memberId in expected.Where(memberId => !current.Contains(memberId)).Order(StringComparer.Ordinal))
            {
                var applied = await store.ReconcileMembershipAsync(id, memberId, isMember: true, eventTime, cancellationToken).ConfigureAwait(false);
                changes.Add(new ReconcileChange(ReconcileChangeKind.MemberAdded, id, [], memberId, applied));
            }

            foreach (var memberId in current.Where(memberId => !expected.Contains(memberId)).Order(StringComparer.Ordinal))
            {
                var applied = await store.ReconcileMembershipAsync(id, memberId, isMember: false, eventTime, cancellationToken).ConfigureAwait(false);
                changes.Add(new ReconcileChange(ReconcileChangeKind.MemberRemoved, id, [], memberId, applied));
            }
        }

        foreach (var id in localGroups.Keys.Where(id => !scimGroups.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            var applied = await store.DeleteGroupAsync(id, eventTime, cancellationToken).ConfigureAwait(false);
            changes.Add(new ReconcileChange(ReconcileChangeKind.GroupRemoved, id, [], null, applied));
        }
    }

    /// <summary>Returns the names of the SCIM-carried fields that differ, as the directory endpoints name them.</summary>
    private static string[] DifferingFields(DirectoryUser local, DirectoryUser repaired)
    {
        var fields = new List<string>();
        AddIfDifferent(fields, "username", local.Username, repaired.Username);
        AddIfDifferent(fields, "displayName", local.DisplayName, repaired.DisplayName);
        AddIfDifferent(fields, "email", local.Email, repaired.Email);
        AddIfDifferent(fields, "status", local.Status, repaired.Status);
        return [.. fields];
    }

    private static void AddIfDifferent(List<string> fields, string name, string? local, string? repaired)
    {
        if (!string.Equals(local, repaired, StringComparison.Ordinal))
        {
            fields.Add(name);
        }
    }
}
