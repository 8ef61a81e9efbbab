using Idaas.Callbacks.Events;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

public class SimulatorDirectoryTests
{
    private const string Base32 = "[a-z2-7]";

    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    private SimulatorDirectory CreateDirectory(SimulatorWireFormat format = SimulatorWireFormat.Current, bool syncPasswords = false)
        => new(new SimulatorOptions { WireFormat = format, SyncPasswords = syncPasswords }, _time);

    private static SimulatorEvent Single(SimulatorChange change)
    {
        change.Events.Should().ContainSingle();
        return change.Events[0];
    }

    [Fact]
    public void Options_DefaultIds_MatchIdaasFormat()
    {
        var options = new SimulatorOptions();

        options.InstanceId.Should().MatchRegex($"^idaas_{Base32}{{26}}$");
        options.ApplicationId.Should().MatchRegex($"^app_{Base32}{{26}}$");
        new SimulatorOptions().InstanceId.Should().NotBe(options.InstanceId);
    }

    [Fact]
    public void Options_DefaultSubscriptions_ExcludePushAndTest()
    {
        var options = new SimulatorOptions();

        options.SubscribedEventTypes.Should().HaveCount(18);
        options.SubscribedEventTypes.Should().NotContain([IdaasEventTypes.Test, IdaasEventTypes.UserPushed, IdaasEventTypes.OrganizationalUnitUserAdded]);
        options.IsSent(IdaasEventTypes.Test).Should().BeTrue();
        options.IsSent(IdaasEventTypes.GroupPushed).Should().BeTrue();
        options.IsSent(IdaasEventTypes.OrganizationalUnitUserAdded).Should().BeFalse();
    }

    [Fact]
    public void Ids_MatchIdaasFormat()
    {
        var directory = CreateDirectory();

        var user = directory.CreateUser("alice");
        var unit = directory.CreateOrganizationalUnit("Sales");
        var group = directory.CreateGroup("Admins");

        user.ObjectId.Should().MatchRegex($"^user_{Base32}{{26}}$");
        unit.ObjectId.Should().MatchRegex($"^ou_{Base32}{{26}}$");
        group.ObjectId.Should().MatchRegex($"^group_{Base32}{{26}}$");
        Single(user).EventId.Should().MatchRegex($"^evnt_{Base32}{{39}}$");
        Single(user).EventId.Should().NotBe(Single(unit).EventId);
    }

    [Fact]
    public void CreateUser_EmitsCompleteRecord()
    {
        var directory = CreateDirectory();
        var unit = directory.CreateOrganizationalUnit("Sales").ObjectId;

        var created = Single(directory.CreateUser("alice", "Alice", "alice@example.com", primaryOrganizationalUnitId: unit));

        created.EventType.Should().Be(IdaasEventTypes.UserCreated);
        // The unit's event took Start, and event times of one directory strictly increase.
        created.EventTime.Should().Be(Start.AddMilliseconds(1));
        created.BizId.Should().StartWith("user_");
        var data = created.BizData;
        data["userId"]!.GetValue<string>().Should().Be(created.BizId);
        data["username"]!.GetValue<string>().Should().Be("alice");
        data["displayName"]!.GetValue<string>().Should().Be("Alice");
        data["email"]!.GetValue<string>().Should().Be("alice@example.com");
        data["status"]!.GetValue<string>().Should().Be("enabled");
        data["userExternalId"]!.GetValue<string>().Should().Be(created.BizId);
        data["userSourceType"]!.GetValue<string>().Should().Be("build_in");
        data["createTime"]!.GetValue<long>().Should().Be(Start.ToUnixTimeMilliseconds());
        data["updateTime"]!.GetValue<long>().Should().Be(Start.ToUnixTimeMilliseconds());
        data["lockExpireTime"]!.GetValue<long>().Should().Be(-1);
        data["primaryOrganizationalUnitId"]!.GetValue<string>().Should().Be(unit);
        var membership = data["userOrganizationalUnits"]!.AsArray().Single()!;
        membership["organizationalUnitId"]!.GetValue<string>().Should().Be(unit);
        membership["organizationalUnitName"]!.GetValue<string>().Should().Be("Sales");
        membership["primary"]!.GetValue<bool>().Should().BeTrue();
        data.ContainsKey("password").Should().BeFalse();
    }

    public static TheoryData<string, string> UserOperations => new()
    {
        { nameof(SimulatorDirectory.UpdateUser), IdaasEventTypes.UserInfoUpdated },
        { nameof(SimulatorDirectory.ChangePassword), IdaasEventTypes.UserPasswordUpdated },
        { nameof(SimulatorDirectory.DisableUser), IdaasEventTypes.UserDisabled },
        { nameof(SimulatorDirectory.EnableUser), IdaasEventTypes.UserEnabled },
        { nameof(SimulatorDirectory.LockUser), IdaasEventTypes.UserLocked },
        { nameof(SimulatorDirectory.UnlockUser), IdaasEventTypes.UserUnlocked },
        { nameof(SimulatorDirectory.MoveUser), IdaasEventTypes.UserPrimaryOrganizationalUnitUpdated },
        { nameof(SimulatorDirectory.DeleteUser), IdaasEventTypes.UserDeleted },
    };

    [Theory]
    [MemberData(nameof(UserOperations))]
    public void UserOperation_EmitsTypeAndRecord(string operation, string expectedType)
    {
        var directory = CreateDirectory();
        var unit = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var userId = directory.CreateUser("alice").ObjectId;
        _time.Advance(TimeSpan.FromSeconds(5));

        var change = RunUserOperation(directory, operation, userId, unit);

        var emitted = Single(change);
        emitted.EventType.Should().Be(expectedType);
        emitted.BizId.Should().Be(userId);
        emitted.EventTime.Should().Be(Start.AddSeconds(5));
        emitted.BizData["userId"]!.GetValue<string>().Should().Be(userId);
        emitted.BizData["username"]!.GetValue<string>().Should().Be(operation == nameof(SimulatorDirectory.UpdateUser) ? "alice2" : "alice");
        emitted.BizData["updateTime"]!.GetValue<long>().Should().Be(operation == nameof(SimulatorDirectory.DeleteUser)
            ? Start.ToUnixTimeMilliseconds()
            : Start.AddSeconds(5).ToUnixTimeMilliseconds());
    }

    [Fact]
    public void UserStateChanges_AppearInRecord()
    {
        var directory = CreateDirectory();
        var unit = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var userId = directory.CreateUser("alice").ObjectId;

        var disabled = Single(directory.DisableUser(userId)).BizData;
        var locked = Single(directory.LockUser(userId, TimeSpan.FromMinutes(10))).BizData;
        var unlocked = Single(directory.UnlockUser(userId)).BizData;
        var moved = Single(directory.MoveUser(userId, unit)).BizData;
        var updated = Single(directory.UpdateUser(userId, displayName: "Alice A.", description: "Sales lead")).BizData;

        disabled["status"]!.GetValue<string>().Should().Be("disabled");
        locked["lockExpireTime"]!.GetValue<long>().Should().Be(Start.AddMinutes(10).ToUnixTimeMilliseconds());
        unlocked["lockExpireTime"]!.GetValue<long>().Should().Be(-1);
        moved["primaryOrganizationalUnitId"]!.GetValue<string>().Should().Be(unit);
        updated["displayName"]!.GetValue<string>().Should().Be("Alice A.");
        updated["description"]!.GetValue<string>().Should().Be("Sales lead");
        updated["status"]!.GetValue<string>().Should().Be("disabled");
        Single(directory.EnableUser(userId)).BizData["status"]!.GetValue<string>().Should().Be("enabled");
    }

    [Fact]
    public void DeleteUser_Current_SendsCompleteRecord()
    {
        var directory = CreateDirectory();
        var userId = directory.CreateUser("alice").ObjectId;

        var deleted = Single(directory.DeleteUser(userId));

        deleted.BizData["username"]!.GetValue<string>().Should().Be("alice");
        directory.UserCount.Should().Be(0);
    }

    [Fact]
    public void Legacy_UsesLegacyNamesAndStringTimes()
    {
        var directory = CreateDirectory(SimulatorWireFormat.Legacy2022);
        var userId = directory.CreateUser("alice").ObjectId;

        var data = Single(directory.UpdateUser(userId, displayName: "Alice")).BizData;

        data["externalId"]!.GetValue<string>().Should().Be(userId);
        data["sourceType"]!.GetValue<string>().Should().Be("build_in");
        data["sourceId"]!.GetValue<string>().Should().Be(directory.Options.InstanceId);
        data["lastUpdatedTime"]!.GetValue<string>().Should().Be(Start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        data["createTime"]!.GetValue<string>().Should().MatchRegex("^[0-9]+$");
        data["lockExpireTime"]!.GetValue<string>().Should().Be("-1");
        data["organizationalUnits"]!.AsArray().Single()!["name"]!.GetValue<string>().Should().Be("Example Corp");
        data.ContainsKey("userExternalId").Should().BeFalse();
        data.ContainsKey("updateTime").Should().BeFalse();
        data.ContainsKey("primaryOrganizationalUnitId").Should().BeFalse();
        data.ContainsKey("userOrganizationalUnits").Should().BeFalse();
    }

    [Fact]
    public void Legacy_DeletesAreMinimal()
    {
        var directory = CreateDirectory(SimulatorWireFormat.Legacy2022);
        var userId = directory.CreateUser("alice").ObjectId;
        var unitId = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var groupId = directory.CreateGroup("Admins").ObjectId;

        var user = Single(directory.DeleteUser(userId)).BizData;
        var unit = Single(directory.DeleteOrganizationalUnit(unitId)).BizData;
        var group = Single(directory.DeleteGroup(groupId)).BizData;

        user.ToJsonString().Should().Be($$"""{"userId":"{{userId}}"}""");
        unit.ToJsonString().Should().Be($$"""{"organizationalUnitId":"{{unitId}}"}""");
        group.ToJsonString().Should().Be($$"""{"groupId":"{{groupId}}"}""");
    }

    [Fact]
    public void Passwords_OffByDefault()
    {
        var directory = CreateDirectory();
        var userId = directory.CreateUser("alice", password: "Secret-1").ObjectId;

        var changed = Single(directory.ChangePassword(userId, "Secret-2")).BizData;

        changed.ContainsKey("password").Should().BeFalse();
        changed["passwordSet"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Passwords_SentOnlyOnCreateAndChange()
    {
        var directory = CreateDirectory(syncPasswords: true);

        var created = directory.CreateUser("alice", password: "Secret-1");
        var changed = Single(directory.ChangePassword(created.ObjectId, "Secret-2")).BizData;
        var updated = Single(directory.UpdateUser(created.ObjectId, displayName: "A")).BizData;
        var disabled = Single(directory.DisableUser(created.ObjectId)).BizData;
        var pushed = directory.FullPush().SelectMany(b => b).Single(e => e.EventType == IdaasEventTypes.UserPushed).BizData;
        var deleted = Single(directory.DeleteUser(created.ObjectId)).BizData;

        Single(created).BizData["password"]!.GetValue<string>().Should().Be("Secret-1");
        changed["password"]!.GetValue<string>().Should().Be("Secret-2");
        updated.ContainsKey("password").Should().BeFalse();
        disabled.ContainsKey("password").Should().BeFalse();
        pushed.ContainsKey("password").Should().BeFalse();
        deleted.ContainsKey("password").Should().BeFalse();
    }

    [Fact]
    public void UnsubscribedType_IsNotEmitted()
    {
        var directory = CreateDirectory();
        directory.Options.SubscribedEventTypes.Remove(IdaasEventTypes.UserCreated);
        directory.Options.SubscribedEventTypes.Remove(IdaasEventTypes.GroupUserAdded);

        var created = directory.CreateUser("alice");
        var group = directory.CreateGroup("Admins");
        var added = directory.AddGroupMember(group.ObjectId, created.ObjectId);
        var disabled = directory.DisableUser(created.ObjectId);

        created.Events.Should().BeEmpty();
        added.Events.Should().BeEmpty();
        directory.UserCount.Should().Be(1);
        directory.GetGroupMembers(group.ObjectId).Should().Equal(created.ObjectId);
        Single(group).EventType.Should().Be(IdaasEventTypes.GroupCreated);
        Single(disabled).EventType.Should().Be(IdaasEventTypes.UserDisabled);
    }

    [Fact]
    public void TestAndPush_SentWithoutSubscriptions()
    {
        var directory = CreateDirectory();
        directory.Options.SubscribedEventTypes.Clear();
        directory.CreateUser("alice").Events.Should().BeEmpty();

        var test = directory.SendTestEvent();
        var pushed = directory.FullPush().SelectMany(b => b).ToList();

        test.EventType.Should().Be(IdaasEventTypes.Test);
        test.BizId.Should().Be(directory.Options.InstanceId);
        pushed.Select(e => e.EventType).Should().Equal(IdaasEventTypes.OrganizationalUnitPushed, IdaasEventTypes.UserPushed);
    }

    [Fact]
    public void OrganizationalUnitOperations_EmitTypeAndRecord()
    {
        var directory = CreateDirectory();
        var parent = directory.CreateOrganizationalUnit("Sales", description: "All sales");
        var child = directory.CreateOrganizationalUnit("North", parent.ObjectId);

        var updated = Single(directory.UpdateOrganizationalUnit(child.ObjectId, name: "North-East"));
        var moved = Single(directory.MoveOrganizationalUnit(child.ObjectId, SimulatorDirectory.RootOrganizationalUnitId));
        var deleted = Single(directory.DeleteOrganizationalUnit(child.ObjectId));

        Single(parent).EventType.Should().Be(IdaasEventTypes.OrganizationalUnitCreated);
        Single(parent).BizData["organizationalUnitName"]!.GetValue<string>().Should().Be("Sales");
        Single(parent).BizData["description"]!.GetValue<string>().Should().Be("All sales");
        Single(parent).BizData["parentId"]!.GetValue<string>().Should().Be("ou_root");
        Single(child).BizData["parentId"]!.GetValue<string>().Should().Be(parent.ObjectId);
        updated.EventType.Should().Be(IdaasEventTypes.OrganizationalUnitUpdated);
        updated.BizData["organizationalUnitName"]!.GetValue<string>().Should().Be("North-East");
        moved.EventType.Should().Be(IdaasEventTypes.OrganizationalUnitMoved);
        moved.BizData["parentId"]!.GetValue<string>().Should().Be("ou_root");
        deleted.EventType.Should().Be(IdaasEventTypes.OrganizationalUnitDeleted);
        deleted.BizData["organizationalUnitId"]!.GetValue<string>().Should().Be(child.ObjectId);
        deleted.BizData["organizationalUnitName"]!.GetValue<string>().Should().Be("North-East");
        directory.OrganizationalUnitCount.Should().Be(2);
    }

    [Fact]
    public void OrganizationalUnit_InvalidChanges_Throw()
    {
        var directory = CreateDirectory();
        var parent = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var child = directory.CreateOrganizationalUnit("North", parent).ObjectId;
        directory.CreateUser("alice", primaryOrganizationalUnitId: child);

        directory.Invoking(d => d.DeleteOrganizationalUnit("ou_root")).Should().Throw<InvalidOperationException>();
        directory.Invoking(d => d.MoveOrganizationalUnit("ou_root", parent)).Should().Throw<InvalidOperationException>();
        directory.Invoking(d => d.MoveOrganizationalUnit(parent, child)).Should().Throw<InvalidOperationException>();
        directory.Invoking(d => d.MoveOrganizationalUnit(parent, parent)).Should().Throw<InvalidOperationException>();
        directory.Invoking(d => d.DeleteOrganizationalUnit(parent)).Should().Throw<InvalidOperationException>();
        directory.Invoking(d => d.DeleteOrganizationalUnit(child)).Should().Throw<InvalidOperationException>();
        directory.Invoking(d => d.CreateUser("bob", primaryOrganizationalUnitId: "ou_missing")).Should().Throw<KeyNotFoundException>();
        directory.Invoking(d => d.DisableUser("user_missing")).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void GroupOperations_EmitTypeAndRecord()
    {
        var directory = CreateDirectory();
        var userId = directory.CreateUser("alice").ObjectId;
        var group = directory.CreateGroup("Admins", "Administrators");

        var updated = Single(directory.UpdateGroup(group.ObjectId, name: "Operators"));
        var added = Single(directory.AddGroupMember(group.ObjectId, userId));
        var addedAgain = directory.AddGroupMember(group.ObjectId, userId);
        var removed = Single(directory.RemoveGroupMember(group.ObjectId, userId));
        var deleted = Single(directory.DeleteGroup(group.ObjectId));

        Single(group).EventType.Should().Be(IdaasEventTypes.GroupCreated);
        Single(group).BizData["groupName"]!.GetValue<string>().Should().Be("Admins");
        Single(group).BizData["description"]!.GetValue<string>().Should().Be("Administrators");
        updated.EventType.Should().Be(IdaasEventTypes.GroupUpdated);
        updated.BizData["groupName"]!.GetValue<string>().Should().Be("Operators");
        added.EventType.Should().Be(IdaasEventTypes.GroupUserAdded);
        added.BizData["userId"]!.GetValue<string>().Should().Be(userId);
        addedAgain.Events.Should().BeEmpty();
        removed.EventType.Should().Be(IdaasEventTypes.GroupUserRemoved);
        removed.BizData["userId"]!.GetValue<string>().Should().Be(userId);
        deleted.EventType.Should().Be(IdaasEventTypes.GroupDeleted);
        deleted.BizData["groupId"]!.GetValue<string>().Should().Be(group.ObjectId);
        directory.GroupCount.Should().Be(0);
    }

    [Fact]
    public void DeleteUser_RemovesGroupMembership()
    {
        var directory = CreateDirectory();
        var userId = directory.CreateUser("alice").ObjectId;
        var groupId = directory.CreateGroup("Admins").ObjectId;
        directory.AddGroupMember(groupId, userId);

        directory.DeleteUser(userId);

        directory.GetGroupMembers(groupId).Should().BeEmpty();
    }

    [Fact]
    public void FullPush_SplitsIntoBatchesInOrder()
    {
        var directory = CreateDirectory();
        var sales = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var north = directory.CreateOrganizationalUnit("North", sales).ObjectId;
        var users = Enumerable.Range(1, 4).Select(i => directory.CreateUser($"user{i}", primaryOrganizationalUnitId: north).ObjectId).ToList();
        var groupId = directory.CreateGroup("Admins").ObjectId;

        var batches = directory.FullPush(batchSize: 3);

        batches.Select(b => b.Count).Should().Equal(3, 3, 2);
        var events = batches.SelectMany(b => b).ToList();
        events.Select(e => e.BizId).Should().Equal(["ou_root", sales, north, .. users, groupId]);
        events.Take(3).Should().OnlyContain(e => e.EventType == IdaasEventTypes.OrganizationalUnitPushed);
        events.Skip(3).Take(4).Should().OnlyContain(e => e.EventType == IdaasEventTypes.UserPushed);
        events[^1].EventType.Should().Be(IdaasEventTypes.GroupPushed);
        events.Select(e => e.EventId).Should().OnlyHaveUniqueItems();
        events[4].BizData["username"]!.GetValue<string>().Should().Be("user2");
    }

    [Fact]
    public void FullPush_InvalidBatchSize_Throws()
    {
        var directory = CreateDirectory();

        directory.Invoking(d => d.FullPush(0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Operations_AreThreadSafe()
    {
        var directory = CreateDirectory();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                var userId = directory.CreateUser($"user{worker}-{i}").ObjectId;
                directory.UpdateUser(userId, displayName: "x");
            }
        })));

        directory.UserCount.Should().Be(400);
        directory.FullPush(1000).Single().Should().HaveCount(401);
    }

    private static SimulatorChange RunUserOperation(SimulatorDirectory directory, string operation, string userId, string unitId) => operation switch
    {
        nameof(SimulatorDirectory.UpdateUser) => directory.UpdateUser(userId, username: "alice2"),
        nameof(SimulatorDirectory.ChangePassword) => directory.ChangePassword(userId, "Secret-2"),
        nameof(SimulatorDirectory.DisableUser) => directory.DisableUser(userId),
        nameof(SimulatorDirectory.EnableUser) => directory.EnableUser(userId),
        nameof(SimulatorDirectory.LockUser) => directory.LockUser(userId),
        nameof(SimulatorDirectory.UnlockUser) => directory.UnlockUser(userId),
        nameof(SimulatorDirectory.MoveUser) => directory.MoveUser(userId, unitId),
        nameof(SimulatorDirectory.DeleteUser) => directory.DeleteUser(userId),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown user operation."),
    };
}
