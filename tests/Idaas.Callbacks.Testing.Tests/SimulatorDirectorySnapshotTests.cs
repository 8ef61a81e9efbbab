using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

public class SimulatorDirectorySnapshotTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    private SimulatorDirectory CreateDirectory() => new(new SimulatorOptions { SyncPasswords = true }, _time, rootName: "Root Co");

    [Fact]
    public void Snapshot_NewDirectory_ContainsOnlyRoot()
    {
        var snapshot = CreateDirectory().CreateSnapshot();

        snapshot.Users.Should().BeEmpty();
        snapshot.Groups.Should().BeEmpty();
        snapshot.OrganizationalUnits.Should().ContainSingle().Which.Should().Be(new SimulatorOrganizationalUnitSnapshot
        {
            OrganizationalUnitId = SimulatorDirectory.RootOrganizationalUnitId,
            Name = "Root Co",
        });
    }

    [Fact]
    public void Snapshot_CopiesUserFields()
    {
        var directory = CreateDirectory();
        var unitId = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var userId = directory.CreateUser("alice", "Alice A", "alice@example.com", password: "secret-1", primaryOrganizationalUnitId: unitId).ObjectId;
        directory.UpdateUser(userId, description: "On call");
        directory.DisableUser(userId);
        directory.LockUser(userId, TimeSpan.FromMinutes(30));

        var user = directory.CreateSnapshot().Users.Should().ContainSingle().Subject;

        user.Should().Be(new SimulatorUserSnapshot
        {
            UserId = userId,
            Username = "alice",
            DisplayName = "Alice A",
            Email = "alice@example.com",
            Description = "On call",
            Status = "disabled",
            PasswordSet = true,
            PrimaryOrganizationalUnitId = unitId,
            LockExpireTime = Start.AddMinutes(30),
        });
    }

    [Fact]
    public void Snapshot_UnlockedUser_HasDefaults()
    {
        var directory = CreateDirectory();
        var userId = directory.CreateUser("bob").ObjectId;
        directory.LockUser(userId);
        directory.UnlockUser(userId);

        var user = directory.CreateSnapshot().Users.Single();

        user.LockExpireTime.Should().BeNull();
        user.PasswordSet.Should().BeFalse();
        user.Email.Should().BeNull();
        user.PrimaryOrganizationalUnitId.Should().Be(SimulatorDirectory.RootOrganizationalUnitId);
    }

    [Fact]
    public void Snapshot_CopiesUnitsAndGroupsWithSortedMembers()
    {
        var directory = CreateDirectory();
        var parentId = directory.CreateOrganizationalUnit("Sales", description: "All sales").ObjectId;
        var childId = directory.CreateOrganizationalUnit("Sales EU", parentId).ObjectId;
        var userIds = Enumerable.Range(0, 5).Select(i => directory.CreateUser($"user{i}").ObjectId).ToList();
        var groupId = directory.CreateGroup("Admins", "Operators").ObjectId;
        foreach (var userId in userIds)
        {
            directory.AddGroupMember(groupId, userId);
        }

        directory.RemoveGroupMember(groupId, userIds[2]);

        var snapshot = directory.CreateSnapshot();

        snapshot.OrganizationalUnits.Should().HaveCount(3);
        snapshot.OrganizationalUnits.Single(u => u.OrganizationalUnitId == childId).ParentId.Should().Be(parentId);
        snapshot.OrganizationalUnits.Single(u => u.OrganizationalUnitId == parentId).Description.Should().Be("All sales");
        var group = snapshot.Groups.Should().ContainSingle().Subject;
        group.Name.Should().Be("Admins");
        group.Description.Should().Be("Operators");
        group.MemberIds.Should().Equal(userIds.Where(id => id != userIds[2]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Snapshot_ListsSortedById()
    {
        var directory = CreateDirectory();
        for (var i = 0; i < 20; i++)
        {
            directory.CreateUser($"user{i}");
            directory.CreateOrganizationalUnit($"Unit {i}");
            directory.CreateGroup($"Group {i}");
        }

        var snapshot = directory.CreateSnapshot();

        snapshot.Users.Select(u => u.UserId).Should().BeInAscendingOrder(StringComparer.Ordinal);
        snapshot.OrganizationalUnits.Select(u => u.OrganizationalUnitId).Should().BeInAscendingOrder(StringComparer.Ordinal);
        snapshot.Groups.Select(g => g.GroupId).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void Snapshot_LaterChanges_DoNotChangeIt()
    {
        var directory = CreateDirectory();
        var userId = directory.CreateUser("carol").ObjectId;
        var groupId = directory.CreateGroup("Team").ObjectId;
        directory.AddGroupMember(groupId, userId);
        var snapshot = directory.CreateSnapshot();

        directory.UpdateUser(userId, displayName: "Carol C");
        directory.DeleteUser(userId);
        directory.CreateUser("dave");

        snapshot.Users.Should().ContainSingle().Which.DisplayName.Should().Be("carol");
        snapshot.Groups.Single().MemberIds.Should().Equal(userId);
    }

    [Fact]
    public void Snapshot_DeletedUser_LeavesEveryGroup()
    {
        var directory = CreateDirectory();
        var userId = directory.CreateUser("erin").ObjectId;
        var firstGroupId = directory.CreateGroup("One").ObjectId;
        var secondGroupId = directory.CreateGroup("Two").ObjectId;
        directory.AddGroupMember(firstGroupId, userId);
        directory.AddGroupMember(secondGroupId, userId);

        directory.DeleteUser(userId);
        var snapshot = directory.CreateSnapshot();

        snapshot.Users.Should().BeEmpty();
        snapshot.Groups.Should().HaveCount(2);
        snapshot.Groups.Should().AllSatisfy(group => group.MemberIds.Should().BeEmpty());
    }
}
