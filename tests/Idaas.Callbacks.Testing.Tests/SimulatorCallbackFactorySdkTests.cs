using System.Text.Json;
using Idaas.Callbacks.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>Simulator callbacks decoded by the SDK's real receiver, in both wire formats, encrypted and not.</summary>
public sealed class SimulatorCallbackFactorySdkTests : IDisposable
{
    private readonly SimulatorSigningKeys _keys = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public void Dispose() => _keys.Dispose();

    public static TheoryData<SimulatorWireFormat, bool> Formats => new()
    {
        { SimulatorWireFormat.Current, false },
        { SimulatorWireFormat.Current, true },
        { SimulatorWireFormat.Legacy2022, false },
        { SimulatorWireFormat.Legacy2022, true },
    };

    private (SimulatorDirectory Directory, SimulatorCallbackFactory Factory, ServiceProvider Services) CreateSimulator(SimulatorWireFormat format, bool encrypted)
    {
        var options = new SimulatorOptions
        {
            WireFormat = format,
            EncryptionKeyHex = encrypted ? BusinessDataEncryptor.GenerateHexKey() : null,
            SyncPasswords = true,
        };

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddIdaasCallbacks(o =>
        {
            o.ApplicationId = options.ApplicationId;
            o.InstanceId = options.InstanceId;
            o.JsonWebKeySet = _keys.ToJwksJson();
            o.EncryptionKey = options.EncryptionKeyHex;
        });

        return (new SimulatorDirectory(options, _time), new SimulatorCallbackFactory(options, _keys, _time), services.BuildServiceProvider());
    }

    private static async Task<IReadOnlyList<IdaasEvent>> ReceiveAsync(ServiceProvider services, SimulatorCallbackFactory factory, IEnumerable<SimulatorEvent> events)
    {
        var result = await services.GetRequiredService<CallbackReceiver>().ReceiveAsync(factory.CreateRequestBody(events));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.FailedEvents.Should().BeEmpty();
        return result.Events;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task UserLifecycle_DecodesToTypedEvents(SimulatorWireFormat format, bool encrypted)
    {
        var (directory, factory, services) = CreateSimulator(format, encrypted);
        await using var _ = services;
        var unitId = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var created = directory.CreateUser("alice", "Alice", "alice@example.com", "Secret-1");
        var userId = created.ObjectId;
        SimulatorChange[] changes =
        [
            created,
            directory.UpdateUser(userId, displayName: "Alice A."),
            directory.ChangePassword(userId, "Secret-2"),
            directory.DisableUser(userId),
            directory.EnableUser(userId),
            directory.LockUser(userId),
            directory.UnlockUser(userId),
            directory.MoveUser(userId, unitId),
            directory.DeleteUser(userId),
        ];

        var received = new List<IdaasEvent>();
        foreach (var change in changes)
        {
            received.AddRange(await ReceiveAsync(services, factory, change.Events));
        }

        received.Select(e => e.GetType()).Should().Equal(
            typeof(UserCreatedEvent),
            typeof(UserInfoUpdatedEvent),
            typeof(UserPasswordUpdatedEvent),
            typeof(UserDisabledEvent),
            typeof(UserEnabledEvent),
            typeof(UserLockedEvent),
            typeof(UserUnlockedEvent),
            typeof(UserPrimaryOrganizationalUnitUpdatedEvent),
            typeof(UserDeletedEvent));
        received.Select(e => e.EventId).Should().Equal(changes.Select(c => c.Events.Single().EventId));
        received.Should().OnlyContain(e => e.BusinessId == userId && e.InstanceId == directory.Options.InstanceId);
        var users = received.Cast<UserEvent>().Select(e => e.User).ToList();
        users.Should().OnlyContain(u => u.UserId == userId);
        users[0].Username.Should().Be("alice");
        users[0].Email.Should().Be("alice@example.com");
        users[0].Password.Should().Be("Secret-1");
        users[0].ExternalId.Should().Be(userId);
        users[0].SourceType.Should().Be("build_in");
        users[0].CreateTime.Should().Be(_time.GetUtcNow());
        users[0].OrganizationalUnits.Should().ContainSingle().Which.Name.Should().Be("Example Corp");
        users[1].DisplayName.Should().Be("Alice A.");
        users[1].Password.Should().BeNull();
        users[2].Password.Should().Be("Secret-2");
        users[3].Status.Should().Be("disabled");
        users[5].LockExpireTime.Should().Be(_time.GetUtcNow().AddHours(1));
        users[7].OrganizationalUnits.Should().ContainSingle().Which.OrganizationalUnitId.Should().Be(unitId);
        users[8].Username.Should().Be(format == SimulatorWireFormat.Current ? "alice" : null);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task UnitsAndGroups_DecodeToTypedEvents(SimulatorWireFormat format, bool encrypted)
    {
        var (directory, factory, services) = CreateSimulator(format, encrypted);
        await using var _ = services;
        var userId = directory.CreateUser("alice").ObjectId;
        var unit = directory.CreateOrganizationalUnit("Sales");
        var child = directory.CreateOrganizationalUnit("North", unit.ObjectId);
        var group = directory.CreateGroup("Admins");

        // All changes in one callback, as a batch of several events.
        SimulatorEvent[] batch =
        [
            .. unit.Events,
            .. child.Events,
            .. directory.UpdateOrganizationalUnit(child.ObjectId, name: "North-East").Events,
            .. directory.MoveOrganizationalUnit(child.ObjectId, SimulatorDirectory.RootOrganizationalUnitId).Events,
            .. directory.DeleteOrganizationalUnit(child.ObjectId).Events,
            .. group.Events,
            .. directory.UpdateGroup(group.ObjectId, name: "Operators").Events,
            .. directory.AddGroupMember(group.ObjectId, userId).Events,
            .. directory.RemoveGroupMember(group.ObjectId, userId).Events,
            .. directory.DeleteGroup(group.ObjectId).Events,
        ];

        var received = await ReceiveAsync(services, factory, batch);

        received.Select(e => e.GetType()).Should().Equal(
            typeof(OrganizationalUnitCreatedEvent),
            typeof(OrganizationalUnitCreatedEvent),
            typeof(OrganizationalUnitUpdatedEvent),
            typeof(OrganizationalUnitMovedEvent),
            typeof(OrganizationalUnitDeletedEvent),
            typeof(GroupCreatedEvent),
            typeof(GroupUpdatedEvent),
            typeof(GroupUserAddedEvent),
            typeof(GroupUserRemovedEvent),
            typeof(GroupDeletedEvent));
        received.Select(e => e.BatchIndex).Should().Equal(Enumerable.Range(0, 10));
        var units = received.OfType<OrganizationalUnitEvent>().Select(e => e.OrganizationalUnit).ToList();
        units[0].Name.Should().Be("Sales");
        units[0].ParentId.Should().Be("ou_root");
        units[1].ParentId.Should().Be(unit.ObjectId);
        units[2].Name.Should().Be("North-East");
        units[3].ParentId.Should().Be("ou_root");
        units[4].OrganizationalUnitId.Should().Be(child.ObjectId);
        var groups = received.OfType<GroupEvent>().Select(e => e.Group).ToList();
        groups.Should().OnlyContain(g => g.GroupId == group.ObjectId);
        groups[0].Name.Should().Be("Admins");
        groups[1].Name.Should().Be("Operators");
        groups[2].AdditionalProperties["userId"].GetString().Should().Be(userId);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task FullPushAndTest_DecodeToTypedEvents(SimulatorWireFormat format, bool encrypted)
    {
        var (directory, factory, services) = CreateSimulator(format, encrypted);
        await using var _ = services;
        directory.Options.SubscribedEventTypes.Clear();
        var unitId = directory.CreateOrganizationalUnit("Sales").ObjectId;
        var userIds = Enumerable.Range(1, 3).Select(i => directory.CreateUser($"user{i}", primaryOrganizationalUnitId: unitId).ObjectId).ToList();
        var groupId = directory.CreateGroup("Admins").ObjectId;

        var test = await ReceiveAsync(services, factory, [directory.SendTestEvent()]);
        var received = new List<IdaasEvent>();
        foreach (var batch in directory.FullPush(batchSize: 2))
        {
            received.AddRange(await ReceiveAsync(services, factory, batch));
        }

        test.Should().ContainSingle().Which.Should().BeOfType<TestEvent>();
        received.OfType<OrganizationalUnitPushedEvent>().Select(e => e.OrganizationalUnit.OrganizationalUnitId).Should().Equal("ou_root", unitId);
        received.OfType<UserPushedEvent>().Select(e => e.User.UserId).Should().Equal(userIds);
        received.OfType<UserPushedEvent>().Select(e => e.User.Username).Should().Equal("user1", "user2", "user3");
        received.OfType<GroupPushedEvent>().Should().ContainSingle().Which.Group.GroupId.Should().Be(groupId);
        received.Should().HaveCount(6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Token_CarriesIdaasClaims(bool encrypted)
    {
        var options = new SimulatorOptions { EncryptionKeyHex = encrypted ? BusinessDataEncryptor.GenerateHexKey() : null };
        var directory = new SimulatorDirectory(options, _time);
        var factory = new SimulatorCallbackFactory(options, _keys, _time);

        var token = factory.CreateToken(directory.CreateUser("alice").Events);

        var segments = token.Split('.');
        segments.Should().HaveCount(3);
        using var header = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(segments[0]));
        using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(segments[1]));
        var root = claims.RootElement;
        header.RootElement.GetProperty("kid").GetString().Should().Be(_keys.Current.KeyId);
        root.GetProperty("iss").GetString().Should().Be(CallbackTokenDescriptor.IdaasIssuer);
        root.GetProperty("sub").GetString().Should().Be(options.InstanceId);
        root.GetProperty("aud").GetString().Should().Be(options.ApplicationId);
        root.GetProperty("iat").GetInt64().Should().Be(_time.GetUtcNow().ToUnixTimeSeconds());
        root.GetProperty("exp").GetInt64().Should().Be(_time.GetUtcNow().ToUnixTimeSeconds() + 1800);
        root.GetProperty("jti").GetString().Should().NotBeNullOrEmpty();
        root.GetProperty("dataEncrypted").GetBoolean().Should().Be(encrypted);
        if (encrypted)
        {
            root.GetProperty("cipherData").GetString().Should().StartWith(BusinessDataEncryptor.ProtectedHeader + "..");
            root.GetProperty("plainData").GetString().Should().BeEmpty();
        }
        else
        {
            root.GetProperty("cipherData").GetString().Should().BeEmpty();
            root.GetProperty("plainData").GetProperty("eventData").ValueKind.Should().Be(JsonValueKind.String);
        }
    }

    [Fact]
    public void BusinessData_UsesIdaasEncoding()
    {
        var options = new SimulatorOptions();
        var directory = new SimulatorDirectory(options, _time);
        var factory = new SimulatorCallbackFactory(options, _keys, _time);
        var created = directory.CreateUser("alice");

        using var document = JsonDocument.Parse(factory.CreateBusinessData(created.Events));

        var root = document.RootElement;
        root.GetProperty("instanceId").GetString().Should().Be(options.InstanceId);
        using var eventData = JsonDocument.Parse(root.GetProperty("eventData").GetString()!);
        var element = eventData.RootElement.EnumerateArray().Single();
        element.GetProperty("eventTime").GetString().Should().Be(_time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        element.GetProperty("bizData").ValueKind.Should().Be(JsonValueKind.String);
        element.GetProperty("bizId").GetString().Should().Be(created.ObjectId);
    }
}
