using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Reconciliation;
using Idaas.Callbacks.Samples.Receiver.Tests.Support;
using Idaas.Callbacks.Scim;
using Idaas.Callbacks.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Tests.Reconciliation;

/// <summary>
/// The reconciler against the simulator's SCIM service provider in memory, with a SQLite store seeded as if
/// callbacks had arrived before a gap.
/// </summary>
public sealed class DirectoryReconcilerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly DirectoryStore _store;
    private readonly FakeTimeProvider _simulatorClock = new(T0);
    private readonly FakeTimeProvider _appClock = new(T0.AddMinutes(10));
    private readonly IdaasSimulator _simulator;
    private readonly HookHandler _hook;
    private readonly HttpClient _httpClient;
    private readonly ScimClient _scimClient;
    private readonly DirectoryReconciler _reconciler;

    public DirectoryReconcilerTests()
    {
        _store = _database.CreateStore();
        _simulator = new IdaasSimulator(timeProvider: _simulatorClock);
        _simulator.Scim.Options.StaticBearerToken = "reconciler-tests-token";
        _simulator.Scim.Options.RequestsPerSecond = 0;
        _hook = new HookHandler(_simulator.Scim.CreateHandler());
        _httpClient = new HttpClient(_hook);
        _scimClient = new ScimClient(_httpClient, new ScimClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1" + _simulator.Scim.BasePath),
            BearerToken = "reconciler-tests-token",
        });
        _reconciler = new DirectoryReconciler(_scimClient, _store, _appClock, NullLogger<DirectoryReconciler>.Instance);
    }

    public void Dispose()
    {
        _reconciler.Dispose();
        _scimClient.Dispose();
        _httpClient.Dispose();
        _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _store.Dispose();
        _database.Dispose();
    }

    private SimulatorDirectory Directory => _simulator.Directory;

    /// <summary>Stores an account as its last callback would have, with the simulator's current values.</summary>
    private async Task StoreAsCallbackAsync(string userId, DateTimeOffset eventTime, string? description = "From a callback")
    {
        var user = Directory.CreateSnapshot().Users.Single(candidate => candidate.UserId == userId);
        await _store.UpsertUserAsync(new DirectoryUser
        {
            UserId = user.UserId,
            Username = user.Username,
            DisplayName = user.DisplayName,
            Email = user.Email,
            Description = description,
            Status = user.Status,
            PasswordSet = user.PasswordSet,
            PrimaryOrganizationalUnitId = user.PrimaryOrganizationalUnitId,
            LockExpireTime = T0.AddHours(2),
        }, eventTime);
    }

    private async Task<DirectoryUser> GetUserAsync(string userId)
        => (await _store.ListUsersAsync(includeDeleted: true)).Single(user => user.UserId == userId);

    [Fact]
    public async Task Reconcile_AddsMissingUsersAndGroups()
    {
        var alice = Directory.CreateUser("alice", "Alice", "alice@example.com").ObjectId;
        var bob = Directory.CreateUser("bob").ObjectId;
        Directory.DisableUser(bob);
        var admins = Directory.CreateGroup("Admins").ObjectId;
        Directory.AddGroupMember(admins, alice);

        var report = await _reconciler.ReconcileAsync();

        report.ScimUsers.Should().Be(2);
        report.ScimGroups.Should().Be(1);
        report.UsersAdded.Should().Be(2);
        report.GroupsAdded.Should().Be(1);
        report.MembershipsAdded.Should().Be(1);
        report.DifferenceCount.Should().Be(4);
        report.Changes.Select(change => change.Kind).Should().BeEquivalentTo(
            [ReconcileChangeKind.UserAdded, ReconcileChangeKind.UserAdded, ReconcileChangeKind.GroupAdded, ReconcileChangeKind.MemberAdded]);
        var stored = await GetUserAsync(alice);
        stored.Username.Should().Be("alice");
        stored.DisplayName.Should().Be("Alice");
        stored.Email.Should().Be("alice@example.com");
        stored.Status.Should().Be("enabled");
        stored.LastEventTime.Should().Be(report.EventTime);
        (await GetUserAsync(bob)).Status.Should().Be("disabled");
        var group = (await _store.ListGroupsAsync()).Single();
        group.Name.Should().Be("Admins");
        group.MemberIds.Should().Equal(alice);
    }

    [Fact]
    public async Task Reconcile_UpdatesScimFieldsAndKeepsOthers()
    {
        var alice = Directory.CreateUser("alice", "Alice", "alice@example.com").ObjectId;
        await StoreAsCallbackAsync(alice, T0);
        Directory.UpdateUser(alice, username: "alice2", displayName: "Alice Smith", email: "alice.smith@example.com", description: "Not in SCIM");
        Directory.DisableUser(alice);

        var report = await _reconciler.ReconcileAsync();

        report.UsersUpdated.Should().Be(1);
        report.Changes.Should().ContainSingle().Which.Should().Be(
            new ReconcileChange(ReconcileChangeKind.UserUpdated, alice, report.Changes[0].Fields, null, Applied: true));
        report.Changes[0].Fields.Should().Equal("username", "displayName", "email", "status");
        var stored = await GetUserAsync(alice);
        stored.Username.Should().Be("alice2");
        stored.DisplayName.Should().Be("Alice Smith");
        stored.Email.Should().Be("alice.smith@example.com");
        stored.Status.Should().Be("disabled");
        stored.Description.Should().Be("From a callback", "SCIM has no description");
        stored.PrimaryOrganizationalUnitId.Should().Be(SimulatorDirectory.RootOrganizationalUnitId);
        stored.LockExpireTime.Should().Be(T0.AddHours(2), "SCIM has no lock");
        stored.PasswordSet.Should().BeFalse();
    }

    [Fact]
    public async Task Reconcile_TombstonesWhatIdaasNoLongerHas()
    {
        var alice = Directory.CreateUser("alice").ObjectId;
        var admins = Directory.CreateGroup("Admins").ObjectId;
        Directory.AddGroupMember(admins, alice);
        await StoreAsCallbackAsync(alice, T0);
        await _store.SetGroupMemberAsync(new DirectoryGroup { GroupId = admins, Name = "Admins" }, alice, isMember: true, T0);
        Directory.DeleteUser(alice);
        Directory.DeleteGroup(admins);

        var report = await _reconciler.ReconcileAsync();

        report.UsersRemoved.Should().Be(1);
        report.GroupsRemoved.Should().Be(1);
        report.MembershipsRemoved.Should().Be(0, "the group's tombstone ends its memberships");
        (await GetUserAsync(alice)).Deleted.Should().BeTrue();
        (await _store.ListGroupsAsync(includeDeleted: true)).Should().ContainSingle().Which.Deleted.Should().BeTrue();
        (await _store.CountAsync()).Should().Be(new DirectoryCounts(0, 0, 0, 0));
    }

    [Fact]
    public async Task Reconcile_FixesNameAndMemberships()
    {
        var alice = Directory.CreateUser("alice").ObjectId;
        var bob = Directory.CreateUser("bob").ObjectId;
        var carol = Directory.CreateUser("carol").ObjectId;
        var admins = Directory.CreateGroup("Admins").ObjectId;
        Directory.AddGroupMember(admins, alice);
        Directory.AddGroupMember(admins, carol);
        foreach (var id in new[] { alice, bob, carol })
        {
            await StoreAsCallbackAsync(id, T0);
        }

        await _store.SetGroupMemberAsync(new DirectoryGroup { GroupId = admins, Name = "Admins", Description = "Local" }, alice, isMember: true, T0);
        await _store.SetGroupMemberAsync(new DirectoryGroup { GroupId = admins, Name = "Admins", Description = "Local" }, carol, isMember: true, T0);
        Directory.UpdateGroup(admins, name: "Administrators");
        Directory.RemoveGroupMember(admins, carol);
        Directory.AddGroupMember(admins, bob);

        var report = await _reconciler.ReconcileAsync();

        report.GroupsUpdated.Should().Be(1);
        report.MembershipsAdded.Should().Be(1);
        report.MembershipsRemoved.Should().Be(1);
        report.Changes.Select(change => change.Format()).Should().Equal(
            $"GroupUpdated {admins}: name",
            $"MemberAdded {admins} member {bob}",
            $"MemberRemoved {admins} member {carol}");
        var group = (await _store.ListGroupsAsync()).Single();
        group.Name.Should().Be("Administrators");
        group.Description.Should().Be("Local", "SCIM has no group description");
        group.MemberIds.Should().Equal(new[] { alice, bob }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reconcile_EqualDirectoriesWriteNothing()
    {
        var alice = Directory.CreateUser("alice", "Alice", "alice@example.com").ObjectId;
        await StoreAsCallbackAsync(alice, T0);

        var report = await _reconciler.ReconcileAsync();

        report.DifferenceCount.Should().Be(0);
        report.Changes.Should().BeEmpty();
        (await GetUserAsync(alice)).LastEventTime.Should().Be(T0);
    }

    [Fact]
    public async Task Reconcile_ListsOnlyFirstChanges()
    {
        for (var i = 0; i < 5; i++)
        {
            Directory.CreateUser($"user{i}");
        }

        var report = await _reconciler.ReconcileAsync(maxReportedChanges: 2);

        report.UsersAdded.Should().Be(5);
        report.Changes.Should().HaveCount(2);
    }

    [Fact]
    public async Task Reconcile_OrdersAfterLatestStoredEvent()
    {
        var alice = Directory.CreateUser("alice").ObjectId;
        var future = _appClock.GetUtcNow().AddMinutes(5);
        await StoreAsCallbackAsync(alice, future);
        Directory.UpdateUser(alice, displayName: "Changed");

        var report = await _reconciler.ReconcileAsync();

        report.StartTime.Should().Be(_appClock.GetUtcNow());
        report.EventTime.Should().Be(future.AddMilliseconds(1));
        (await GetUserAsync(alice)).DisplayName.Should().Be("Changed");
    }

    [Fact]
    public async Task Callbacks_OlderThanReconcileAreIgnored()
    {
        var alice = Directory.CreateUser("alice", "Alice").ObjectId;
        await StoreAsCallbackAsync(alice, T0);
        Directory.UpdateUser(alice, displayName: "Repaired");
        var report = await _reconciler.ReconcileAsync();

        var lateOlder = await _store.UpsertUserAsync(new DirectoryUser { UserId = alice, Username = "alice", DisplayName = "Late and older" }, report.EventTime.AddMilliseconds(-1));
        var lateDelete = await _store.DeleteUserAsync(alice, report.EventTime.AddMilliseconds(-1));

        lateOlder.Should().BeFalse();
        lateDelete.Should().BeFalse();
        var stored = await GetUserAsync(alice);
        stored.DisplayName.Should().Be("Repaired");
        stored.Deleted.Should().BeFalse();
    }

    [Fact]
    public async Task Callbacks_NewerThanReconcileWin()
    {
        var alice = Directory.CreateUser("alice", "Alice").ObjectId;
        Directory.UpdateUser(alice, displayName: "Repaired");
        var report = await _reconciler.ReconcileAsync();

        var newer = await _store.UpsertUserAsync(new DirectoryUser { UserId = alice, Username = "alice", DisplayName = "Newer", Description = "Filled in" }, report.EventTime.AddMilliseconds(1));
        var removed = await _store.SetGroupMemberAsync(new DirectoryGroup { GroupId = "group_new", Name = "New" }, alice, isMember: true, report.EventTime.AddMilliseconds(1));

        newer.Should().BeTrue();
        removed.Should().BeTrue();
        var stored = await GetUserAsync(alice);
        stored.DisplayName.Should().Be("Newer");
        stored.Description.Should().Be("Filled in");
    }

    [Fact]
    public async Task Reconcile_SkipsRowChangedByNewerCallback()
    {
        var alice = Directory.CreateUser("alice", "Alice").ObjectId;
        await StoreAsCallbackAsync(alice, T0);
        Directory.UpdateUser(alice, displayName: "From SCIM");

        // A callback newer than the reconcile arrives while the reconcile reads the users.
        _hook.BeforeFirstUsersRequest = () => _store.UpsertUserAsync(
            new DirectoryUser { UserId = alice, Username = "alice", DisplayName = "From a newer callback" }, _appClock.GetUtcNow().AddMinutes(1));

        var report = await _reconciler.ReconcileAsync();

        report.UsersUpdated.Should().Be(1);
        report.WritesSkipped.Should().Be(1);
        report.Changes.Should().ContainSingle().Which.Applied.Should().BeFalse();
        (await GetUserAsync(alice)).DisplayName.Should().Be("From a newer callback");
    }

    [Fact]
    public async Task Reconcile_ReadsThroughScimOnly()
    {
        Directory.CreateUser("alice");
        var admins = Directory.CreateGroup("Admins").ObjectId;

        await _reconciler.ReconcileAsync();

        _hook.Paths.Should().Contain(path => path.EndsWith("/Users", StringComparison.Ordinal));
        _hook.Paths.Should().Contain(path => path.EndsWith("/Groups", StringComparison.Ordinal));
        _hook.Paths.Should().Contain(path => path.EndsWith($"/Groups/{admins}", StringComparison.Ordinal), "lists leave out members");
        _hook.Methods.Should().OnlyContain(method => method == HttpMethod.Get);
    }

    /// <summary>Passes requests to the simulator's handler, records them, and can run a write before the first user list.</summary>
    private sealed class HookHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public Func<Task>? BeforeFirstUsersRequest { get; set; }

        public List<string> Paths { get; } = [];

        public List<HttpMethod> Methods { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Paths.Add(request.RequestUri!.AbsolutePath);
            Methods.Add(request.Method);
            if (request.RequestUri.AbsolutePath.EndsWith("/Users", StringComparison.Ordinal) && BeforeFirstUsersRequest is { } hook)
            {
                BeforeFirstUsersRequest = null;
                await hook();
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
