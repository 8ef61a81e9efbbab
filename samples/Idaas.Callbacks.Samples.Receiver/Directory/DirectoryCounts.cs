namespace Idaas.Callbacks.Samples.Receiver.Directory;

/// <summary>The number of live entities in a directory, tombstones excluded.</summary>
/// <param name="Users">The number of accounts.</param>
/// <param name="OrganizationalUnits">The number of organizational units, the root included.</param>
/// <param name="Groups">The number of groups.</param>
/// <param name="Memberships">The number of (group, account) memberships of live groups.</param>
public sealed record DirectoryCounts(int Users, int OrganizationalUnits, int Groups, int Memberships);
