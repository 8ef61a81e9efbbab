namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>Counts a reconcile's changes by kind and keeps the first ones for the report. Not thread-safe.</summary>
internal sealed class ReconcileChangeLog(int maxListed)
{
    private readonly Dictionary<ReconcileChangeKind, int> _counts = [];
    private readonly List<ReconcileChange> _listed = [];
    private int _skipped;

    public void Add(ReconcileChange change)
    {
        _counts[change.Kind] = Count(change.Kind) + 1;
        if (!change.Applied)
        {
            _skipped++;
        }

        if (_listed.Count < maxListed)
        {
            _listed.Add(change);
        }
    }

    public DirectoryReconcileReport ToReport(DateTimeOffset startTime, DateTimeOffset eventTime, int scimUsers, int scimGroups) => new()
    {
        StartTime = startTime,
        EventTime = eventTime,
        ScimUsers = scimUsers,
        ScimGroups = scimGroups,
        UsersAdded = Count(ReconcileChangeKind.UserAdded),
        UsersUpdated = Count(ReconcileChangeKind.UserUpdated),
        UsersRemoved = Count(ReconcileChangeKind.UserRemoved),
        GroupsAdded = Count(ReconcileChangeKind.GroupAdded),
        GroupsUpdated = Count(ReconcileChangeKind.GroupUpdated),
        GroupsRemoved = Count(ReconcileChangeKind.GroupRemoved),
        MembershipsAdded = Count(ReconcileChangeKind.MemberAdded),
        MembershipsRemoved = Count(ReconcileChangeKind.MemberRemoved),
        WritesSkipped = _skipped,
        Changes = [.. _listed],
    };

    private int Count(ReconcileChangeKind kind) => _counts.GetValueOrDefault(kind);
}
