using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Simulation;

/// <summary>Compares the live rows of the local directory with a simulator snapshot, field by field.</summary>
public static class DirectoryComparer
{
    /// <summary>Lists every difference, one line each, in id order: missing, extra and differing entities.</summary>
    /// <param name="expected">The simulator's directory.</param>
    /// <param name="users">The local accounts, tombstones excluded.</param>
    /// <param name="units">The local organizational units, tombstones excluded.</param>
    /// <param name="groups">The local groups with members, tombstones excluded.</param>
    /// <returns>The differences; empty when the directories are equal.</returns>
    public static IReadOnlyList<string> Compare(
        SimulatorDirectorySnapshot expected,
        IReadOnlyList<DirectoryUser> users,
        IReadOnlyList<DirectoryOrganizationalUnit> units,
        IReadOnlyList<DirectoryGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(groups);

        var differences = new List<string>();
        CompareSets("user", expected.Users, user => user.UserId, users, user => user.UserId, differences, (simulator, local) =>
        [
            ("username", simulator.Username, local.Username),
            ("displayName", simulator.DisplayName, local.DisplayName),
            ("email", simulator.Email, local.Email),
            ("description", simulator.Description, local.Description),
            ("status", simulator.Status, local.Status),
            ("passwordSet", Text(simulator.PasswordSet), Text(local.PasswordSet)),
            ("primaryOrganizationalUnitId", simulator.PrimaryOrganizationalUnitId, local.PrimaryOrganizationalUnitId),
            ("lockExpireTime", Text(simulator.LockExpireTime), Text(local.LockExpireTime)),
        ]);
        CompareSets("organizational unit", expected.OrganizationalUnits, unit => unit.OrganizationalUnitId, units, unit => unit.OrganizationalUnitId, differences, (simulator, local) =>
        [
            ("name", simulator.Name, local.Name),
            ("parentId", simulator.ParentId, local.ParentId),
            ("description", simulator.Description, local.Description),
        ]);
        CompareSets("group", expected.Groups, group => group.GroupId, groups, group => group.GroupId, differences, (simulator, local) =>
        [
            ("name", simulator.Name, local.Name),
            ("description", simulator.Description, local.Description),
            ("memberIds", string.Join(",", simulator.MemberIds), string.Join(",", local.MemberIds)),
        ]);
        return differences;
    }

    private static void CompareSets<TExpected, TLocal>(
        string kind,
        IEnumerable<TExpected> expected,
        Func<TExpected, string> expectedId,
        IEnumerable<TLocal> local,
        Func<TLocal, string> localId,
        List<string> differences,
        Func<TExpected, TLocal, (string Field, string? Expected, string? Actual)[]> fields)
    {
        var localById = local.ToDictionary(localId, StringComparer.Ordinal);
        var expectedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in expected)
        {
            var id = expectedId(item);
            expectedIds.Add(id);
            if (!localById.TryGetValue(id, out var localItem))
            {
                differences.Add($"{kind} {id}: missing in the local directory");
                continue;
            }

            foreach (var (field, expectedValue, actualValue) in fields(item, localItem))
            {
                if (!string.Equals(expectedValue, actualValue, StringComparison.Ordinal))
                {
                    differences.Add($"{kind} {id}: {field} is '{actualValue}' locally and '{expectedValue}' in the simulator");
                }
            }
        }

        differences.AddRange(localById.Keys
            .Where(id => !expectedIds.Contains(id))
            .Order(StringComparer.Ordinal)
            .Select(id => $"{kind} {id}: in the local directory but not in the simulator"));
    }

    private static string? Text(bool? value) => value?.ToString();

    private static string? Text(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
