using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Idaas.Callbacks.Samples.Receiver.Tests;

public sealed class DirectoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly DirectoryStore _store;

    public DirectoryStoreTests() => _store = _database.CreateStore();

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    private static DirectoryUser User(string id, string displayName, string status = "enabled") => new()
    {
        UserId = id,
        Username = id.Replace("user_", "", StringComparison.Ordinal),
        DisplayName = displayName,
        Email = $"{id}@example.com",
        Status = status,
        PasswordSet = false,
        PrimaryOrganizationalUnitId = "ou_root",
    };

    private static DirectoryGroup Group(string id, string name = "Team") => new() { GroupId = id, Name = name };

    private async Task<IReadOnlyList<string>> MembersAsync(string groupId)
        => (await _store.ListGroupsAsync()).Single(group => group.GroupId == groupId).MemberIds;

    [Fact]
    public void Initialize_CreatesFolderAndWalDatabase()
    {
        File.Exists(_database.DatabasePath).Should().BeTrue();

        using var connection = new SqliteConnection($"Data Source={_database.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        command.ExecuteScalar().Should().Be("wal");
    }

    [Fact]
    public async Task Upsert_NewerEvent_ReplacesRow()
    {
        await _store.UpsertUserAsync(User("user_a", "First"), T0);

        var applied = await _store.UpsertUserAsync(User("user_a", "Second", "disabled"), T0.AddMilliseconds(1));

        applied.Should().BeTrue();
        var user = (await _store.ListUsersAsync()).Should().ContainSingle().Subject;
        user.DisplayName.Should().Be("Second");
        user.Status.Should().Be("disabled");
        user.LastEventTime.Should().Be(T0.AddMilliseconds(1));
    }

    [Fact]
    public async Task Upsert_OlderEvent_IsIgnored()
    {
        await _store.UpsertUserAsync(User("user_a", "Newer"), T0.AddSeconds(5));

        var applied = await _store.UpsertUserAsync(User("user_a", "Older"), T0);

        applied.Should().BeFalse();
        (await _store.ListUsersAsync()).Single().DisplayName.Should().Be("Newer");
    }

    [Fact]
    public async Task Upsert_EqualEventTime_Applies()
    {
        await _store.UpsertUserAsync(User("user_a", "First"), T0);

        var applied = await _store.UpsertUserAsync(User("user_a", "Same time", "disabled"), T0);

        applied.Should().BeTrue();
        var user = (await _store.ListUsersAsync()).Single();
        user.DisplayName.Should().Be("Same time");
        user.Status.Should().Be("disabled");
    }

    [Fact]
    public async Task Delete_EqualEventTime_WinsOverUpsert()
    {
        await _store.UpsertUserAsync(User("user_a", "Alice"), T0);
        var deleted = await _store.DeleteUserAsync("user_a", T0);

        var revived = await _store.UpsertUserAsync(User("user_a", "Same time"), T0);

        deleted.Should().BeTrue();
        revived.Should().BeFalse();
        (await _store.ListUsersAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Unit_and_group_ties_follow_same_rule()
    {
        await _store.UpsertOrganizationalUnitAsync(new DirectoryOrganizationalUnit { OrganizationalUnitId = "ou_a", Name = "First" }, T0);
        await _store.UpsertOrganizationalUnitAsync(new DirectoryOrganizationalUnit { OrganizationalUnitId = "ou_a", Name = "Same time" }, T0);
        await _store.UpsertGroupAsync(Group("group_a", "First"), T0);
        await _store.UpsertGroupAsync(Group("group_a", "Same time"), T0);
        await _store.DeleteGroupAsync("group_a", T0);
        var revived = await _store.UpsertGroupAsync(Group("group_a", "After delete"), T0);

        (await _store.ListOrganizationalUnitsAsync()).Single().Name.Should().Be("Same time");
        revived.Should().BeFalse();
        (await _store.ListGroupsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Membership_EqualEventTime_LastWins()
    {
        await _store.UpsertGroupAsync(Group("group_a"), T0);
        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0.AddSeconds(1));

        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: false, T0.AddSeconds(1));

        (await MembersAsync("group_a")).Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_KeepsTombstone()
    {
        await _store.UpsertUserAsync(User("user_a", "Alice"), T0);

        var applied = await _store.DeleteUserAsync("user_a", T0.AddSeconds(1));

        applied.Should().BeTrue();
        (await _store.ListUsersAsync()).Should().BeEmpty();
        var tombstone = (await _store.ListUsersAsync(includeDeleted: true)).Should().ContainSingle().Subject;
        tombstone.Deleted.Should().BeTrue();
        tombstone.DisplayName.Should().Be("Alice");
        tombstone.LastEventTime.Should().Be(T0.AddSeconds(1));
    }

    [Fact]
    public async Task Delete_ThenOlderUpdate_StaysDeleted()
    {
        await _store.DeleteUserAsync("user_a", T0.AddSeconds(2));

        var applied = await _store.UpsertUserAsync(User("user_a", "Late update"), T0.AddSeconds(1));

        applied.Should().BeFalse();
        (await _store.ListUsersAsync()).Should().BeEmpty();
        (await _store.ListUsersAsync(includeDeleted: true)).Single().Deleted.Should().BeTrue();
    }

    [Fact]
    public async Task Delete_OlderThanUpdate_IsIgnored()
    {
        await _store.UpsertUserAsync(User("user_a", "Alice"), T0.AddSeconds(2));

        var applied = await _store.DeleteUserAsync("user_a", T0.AddSeconds(1));

        applied.Should().BeFalse();
        (await _store.ListUsersAsync()).Single().DisplayName.Should().Be("Alice");
    }

    [Fact]
    public async Task UnitDelete_ThenOlderCreate_StaysDeleted()
    {
        await _store.DeleteOrganizationalUnitAsync("ou_a", T0.AddSeconds(2));

        var applied = await _store.UpsertOrganizationalUnitAsync(new DirectoryOrganizationalUnit { OrganizationalUnitId = "ou_a", Name = "Sales", ParentId = "ou_root" }, T0);

        applied.Should().BeFalse();
        (await _store.ListOrganizationalUnitsAsync()).Should().BeEmpty();
        (await _store.ListOrganizationalUnitsAsync(includeDeleted: true)).Should().ContainSingle().Which.Deleted.Should().BeTrue();
    }

    [Fact]
    public async Task UnitUpsert_StoresParentAndDescription()
    {
        await _store.UpsertOrganizationalUnitAsync(new DirectoryOrganizationalUnit { OrganizationalUnitId = "ou_a", Name = "Sales", ParentId = "ou_root", Description = "All sales" }, T0);

        var unit = (await _store.ListOrganizationalUnitsAsync()).Single();

        unit.Name.Should().Be("Sales");
        unit.ParentId.Should().Be("ou_root");
        unit.Description.Should().Be("All sales");
    }

    [Fact]
    public async Task Membership_OlderAddOfOtherMember_Applies()
    {
        await _store.SetGroupMemberAsync(Group("group_a"), "user_b", isMember: true, T0.AddSeconds(2));

        var applied = await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0.AddSeconds(1));

        applied.Should().BeTrue();
        (await MembersAsync("group_a")).Should().Equal("user_a", "user_b");
    }

    [Fact]
    public async Task Membership_RemoveBeforeOlderAdd_StaysRemoved()
    {
        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: false, T0.AddSeconds(2));

        var applied = await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0.AddSeconds(1));

        applied.Should().BeFalse();
        (await MembersAsync("group_a")).Should().BeEmpty();
    }

    [Fact]
    public async Task Membership_ReAddAfterRemove_IsMember()
    {
        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0);
        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: false, T0.AddSeconds(1));

        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0.AddSeconds(2));

        (await MembersAsync("group_a")).Should().Equal("user_a");
    }

    [Fact]
    public async Task Membership_UpdatesGroupRecordWhenNewer()
    {
        await _store.UpsertGroupAsync(Group("group_a", "Old name"), T0);

        await _store.SetGroupMemberAsync(Group("group_a", "New name"), "user_a", isMember: true, T0.AddSeconds(1));
        await _store.SetGroupMemberAsync(Group("group_a", "Older name"), "user_b", isMember: true, T0.AddMilliseconds(500));

        var group = (await _store.ListGroupsAsync()).Single();
        group.Name.Should().Be("New name");
        group.MemberIds.Should().Equal("user_a", "user_b");
    }

    [Fact]
    public async Task UserDelete_EndsMembershipsAndBlocksOlderAdds()
    {
        await _store.UpsertUserAsync(User("user_a", "Alice"), T0);
        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0.AddSeconds(1));
        await _store.SetGroupMemberAsync(Group("group_b", "Other"), "user_b", isMember: true, T0.AddSeconds(1));

        await _store.DeleteUserAsync("user_a", T0.AddSeconds(3));
        var lateAdd = await _store.SetGroupMemberAsync(Group("group_c", "Late"), "user_a", isMember: true, T0.AddSeconds(2));

        lateAdd.Should().BeFalse();
        (await MembersAsync("group_a")).Should().BeEmpty();
        (await MembersAsync("group_b")).Should().Equal("user_b");
        (await MembersAsync("group_c")).Should().BeEmpty();
    }

    [Fact]
    public async Task GroupDelete_HidesGroupAndBlocksOlderAdds()
    {
        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0);

        await _store.DeleteGroupAsync("group_a", T0.AddSeconds(2));
        var lateAdd = await _store.SetGroupMemberAsync(Group("group_a"), "user_b", isMember: true, T0.AddSeconds(1));

        lateAdd.Should().BeFalse();
        (await _store.ListGroupsAsync()).Should().BeEmpty();
        var tombstone = (await _store.ListGroupsAsync(includeDeleted: true)).Should().ContainSingle().Subject;
        tombstone.Deleted.Should().BeTrue();
        tombstone.MemberIds.Should().BeEmpty();
        (await _store.CountAsync()).Memberships.Should().Be(0);
    }

    [Fact]
    public async Task Count_ExcludesTombstones()
    {
        await _store.UpsertUserAsync(User("user_a", "Alice"), T0);
        await _store.UpsertUserAsync(User("user_b", "Bob"), T0);
        await _store.DeleteUserAsync("user_b", T0.AddSeconds(1));
        await _store.UpsertOrganizationalUnitAsync(new DirectoryOrganizationalUnit { OrganizationalUnitId = "ou_root", Name = "Root" }, T0);
        await _store.SetGroupMemberAsync(Group("group_a"), "user_a", isMember: true, T0);

        var counts = await _store.CountAsync();

        counts.Should().Be(new DirectoryCounts(Users: 1, OrganizationalUnits: 1, Groups: 1, Memberships: 1));
    }

    [Fact]
    public async Task ConcurrentWrites_KeepNewestPerId()
    {
        // Every id gets 20 versions written from 8 tasks in a shuffled order; the newest must win every time.
        var writes = Enumerable.Range(0, 40)
            .SelectMany(id => Enumerable.Range(0, 20).Select(version => (Id: $"user_{id:D2}", Version: version)))
            .ToArray();
        new Random(7).Shuffle(writes);

        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (write, cancellationToken) =>
        {
            await _store.UpsertUserAsync(User(write.Id, $"v{write.Version}"), T0.AddMilliseconds(write.Version), cancellationToken);
        });

        var users = await _store.ListUsersAsync();
        users.Should().HaveCount(40);
        users.Should().AllSatisfy(user => user.DisplayName.Should().Be("v19"));
    }

    [Fact]
    public async Task ConcurrentMemberships_OrderPerPair()
    {
        // Each (group, user) pair gets add, remove, add at increasing times, written in a shuffled order in parallel.
        var writes = Enumerable.Range(0, 30)
            .SelectMany(user => new[] { (User: user, IsMember: true, Time: 1), (User: user, IsMember: false, Time: 2), (User: user, IsMember: user % 2 == 0, Time: 3) })
            .ToArray();
        new Random(11).Shuffle(writes);

        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (write, cancellationToken) =>
        {
            await _store.SetGroupMemberAsync(Group("group_a"), $"user_{write.User:D2}", write.IsMember, T0.AddSeconds(write.Time), cancellationToken);
        });

        (await MembersAsync("group_a")).Should().Equal(Enumerable.Range(0, 30).Where(user => user % 2 == 0).Select(user => $"user_{user:D2}"));
    }

    [Fact]
    public async Task Reads_DuringWrites_Succeed()
    {
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                await _store.UpsertUserAsync(User($"user_{i:D3}", "Reader test"), T0);
            }
        });

        var lastCount = 0;
        while (!writer.IsCompleted)
        {
            var users = await _store.ListUsersAsync();
            users.Count.Should().BeGreaterThanOrEqualTo(lastCount);
            lastCount = users.Count;
        }

        await writer;
        (await _store.ListUsersAsync()).Should().HaveCount(200);
    }
}
