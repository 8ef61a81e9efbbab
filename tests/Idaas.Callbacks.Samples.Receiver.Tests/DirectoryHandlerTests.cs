using System.Text;
using System.Text.Json;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Handlers;
using Idaas.Callbacks.Samples.Receiver.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Idaas.Callbacks.Samples.Receiver.Tests;

public sealed class DirectoryHandlerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly DirectoryStore _store;
    private readonly HandledEventCounter _counter = new();

    public DirectoryHandlerTests() => _store = _database.CreateStore();

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    private static IdaasEventContext Context(bool isStale = false) => new()
    {
        TokenId = "jti-1",
        InstanceId = "idaas_test",
        ApplicationId = "app_test",
        ReceivedAt = T0,
        Attempt = 1,
        BatchIndex = 0,
        IsStale = isStale,
    };

    private static TEvent Event<TEvent>(TEvent template, string businessId, DateTimeOffset eventTime)
        where TEvent : IdaasEvent
        => template with
        {
            EventId = "evnt_" + Guid.NewGuid().ToString("N"),
            EventTime = eventTime,
            BusinessId = businessId,
            InstanceId = "idaas_test",
            ApplicationId = "app_test",
            TokenId = "jti-1",
            BatchIndex = 0,
        };

    private static GroupUserAddedEvent MemberAdded(string groupId, string? userId, DateTimeOffset eventTime)
    {
        var additional = userId is null
            ? new Dictionary<string, JsonElement>()
            : new Dictionary<string, JsonElement> { ["userId"] = JsonSerializer.SerializeToElement(userId) };
        return Event(
            new GroupUserAddedEvent
            {
                EventId = "",
                EventType = IdaasEventTypes.GroupUserAdded,
                EventTime = default,
                BusinessId = null,
                InstanceId = "",
                ApplicationId = "",
                TokenId = "",
                BatchIndex = 0,
                Group = new IdaasGroup { GroupId = groupId, Name = "Team", AdditionalProperties = additional },
            },
            groupId,
            eventTime);
    }

    private static UserPasswordUpdatedEvent PasswordUpdated(string userId, string password, DateTimeOffset eventTime) => Event(
        new UserPasswordUpdatedEvent
        {
            EventId = "",
            EventType = IdaasEventTypes.UserPasswordUpdated,
            EventTime = default,
            BusinessId = null,
            InstanceId = "",
            ApplicationId = "",
            TokenId = "",
            BatchIndex = 0,
            User = new IdaasUser { UserId = userId, Username = "alice", Password = password, PasswordSet = true, Status = "enabled" },
        },
        userId,
        eventTime);

    [Fact]
    public async Task PasswordEvent_StoresOnlyPasswordSet()
    {
        const string Password = "Do-not-store-7f3c1e";
        var handler = new UserEventHandler(_store, _counter, NullLogger<UserEventHandler>.Instance);

        await handler.HandleAsync(PasswordUpdated("user_a", Password, T0), Context(), CancellationToken.None);

        (await _store.ListUsersAsync()).Single().PasswordSet.Should().BeTrue();
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in System.IO.Directory.GetFiles(Path.GetDirectoryName(_database.DatabasePath)!))
        {
            Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).Should().NotContain(Password, because: $"{file} must not contain the password");
        }
    }

    [Fact]
    public async Task LegacyUser_TakesPrimaryUnitFromList()
    {
        var handler = new UserEventHandler(_store, _counter, NullLogger<UserEventHandler>.Instance);
        var legacy = PasswordUpdated("user_a", "x", T0) with
        {
            User = new IdaasUser
            {
                UserId = "user_a",
                OrganizationalUnits = [new IdaasUserOrganizationalUnit { OrganizationalUnitId = "ou_other" }, new IdaasUserOrganizationalUnit { OrganizationalUnitId = "ou_sales", Primary = true }],
            },
        };

        await handler.HandleAsync(legacy, Context(), CancellationToken.None);

        (await _store.ListUsersAsync()).Single().PrimaryOrganizationalUnitId.Should().Be("ou_sales");
    }

    [Fact]
    public async Task StaleMemberAdd_StillApplies()
    {
        var handler = new GroupEventHandler(_store, _counter, NullLogger<GroupEventHandler>.Instance);
        await handler.HandleAsync(MemberAdded("group_a", "user_b", T0.AddSeconds(2)), Context(), CancellationToken.None);

        await handler.HandleAsync(MemberAdded("group_a", "user_a", T0.AddSeconds(1)), Context(isStale: true), CancellationToken.None);

        (await _store.ListGroupsAsync()).Single().MemberIds.Should().Equal("user_a", "user_b");
        _counter.Handled.Should().Be(2);
        _counter.Ignored.Should().Be(0);
    }

    [Fact]
    public async Task MemberEventWithoutUserId_StoresGroupOnly()
    {
        var handler = new GroupEventHandler(_store, _counter, NullLogger<GroupEventHandler>.Instance);

        await handler.HandleAsync(MemberAdded("group_a", userId: null, T0), Context(), CancellationToken.None);

        var group = (await _store.ListGroupsAsync()).Single();
        group.Name.Should().Be("Team");
        group.MemberIds.Should().BeEmpty();
    }

    [Fact]
    public async Task OlderEvent_CountedAsIgnored()
    {
        var handler = new UserEventHandler(_store, _counter, NullLogger<UserEventHandler>.Instance);
        await handler.HandleAsync(PasswordUpdated("user_a", "x", T0.AddSeconds(1)), Context(), CancellationToken.None);

        await handler.HandleAsync(PasswordUpdated("user_a", "y", T0), Context(isStale: true), CancellationToken.None);

        _counter.Handled.Should().Be(2);
        _counter.Ignored.Should().Be(1);
    }
}
