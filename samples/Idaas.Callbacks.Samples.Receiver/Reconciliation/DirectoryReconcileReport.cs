using System.Globalization;

namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>What a reconcile read from IDaaS, what differed from the local directory and what it repaired.</summary>
public sealed record DirectoryReconcileReport
{
    /// <summary>Gets the time the reconcile started, on the app's clock.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>
    /// Gets the event time the reconcile wrote its repairs with: the start time, or 1 ms after the latest event
    /// time already stored when that is later.
    /// </summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>Gets the number of accounts read through SCIM.</summary>
    public required int ScimUsers { get; init; }

    /// <summary>Gets the number of groups read through SCIM.</summary>
    public required int ScimGroups { get; init; }

    /// <summary>Gets the number of accounts added.</summary>
    public int UsersAdded { get; init; }

    /// <summary>Gets the number of accounts whose SCIM fields were updated.</summary>
    public int UsersUpdated { get; init; }

    /// <summary>Gets the number of accounts marked deleted.</summary>
    public int UsersRemoved { get; init; }

    /// <summary>Gets the number of groups added.</summary>
    public int GroupsAdded { get; init; }

    /// <summary>Gets the number of groups renamed.</summary>
    public int GroupsUpdated { get; init; }

    /// <summary>Gets the number of groups marked deleted.</summary>
    public int GroupsRemoved { get; init; }

    /// <summary>Gets the number of memberships added.</summary>
    public int MembershipsAdded { get; init; }

    /// <summary>Gets the number of memberships removed.</summary>
    public int MembershipsRemoved { get; init; }

    /// <summary>Gets the number of differences whose repair the store skipped, because a newer callback had changed the row.</summary>
    public int WritesSkipped { get; init; }

    /// <summary>Gets the total number of differences found, skipped repairs included.</summary>
    public int DifferenceCount => UsersAdded + UsersUpdated + UsersRemoved + GroupsAdded + GroupsUpdated + GroupsRemoved + MembershipsAdded + MembershipsRemoved;

    /// <summary>Gets the first differences, in the order they were repaired: accounts, then groups with their members.</summary>
    public required IReadOnlyList<ReconcileChange> Changes { get; init; }

    /// <summary>Formats the counts on one line, such as <c>users: 3 added, 12 updated, 2 removed; groups: ...</c>.</summary>
    /// <returns>The line.</returns>
    public string FormatCounts() => string.Create(
        CultureInfo.InvariantCulture,
        $"users: {UsersAdded} added, {UsersUpdated} updated, {UsersRemoved} removed; groups: {GroupsAdded} added, {GroupsUpdated} updated, {GroupsRemoved} removed; memberships: {MembershipsAdded} added, {MembershipsRemoved} removed; {WritesSkipped} repairs skipped because a newer callback had changed the row");
}
