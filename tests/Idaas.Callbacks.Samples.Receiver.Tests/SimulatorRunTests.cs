using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Simulation;
using Idaas.Callbacks.Samples.Receiver.Tests.Support;
using Idaas.Callbacks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Samples.Receiver.Tests;

/// <summary>
/// Runs the whole sample in-process against the simulator: the JWKS and the receiver on Kestrel at 127.0.0.1,
/// business data encrypted (the receiver is configured with the key, so it rejects unencrypted callbacks), and
/// the full scenario with 1,000 accounts. The scenario's last callbacks are dropped on purpose, and a reconcile
/// through the simulator's SCIM server repairs them.
/// </summary>
public sealed class SimulatorRunTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<(SimulatorRunResult Result, string Output)> RunAsync(SimulatorWireFormat format)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = _database.Folder,
            Args =
            [
                $"--Sample:SimulatorDatabasePath={_database.DatabasePath}",
                $"--Sample:Simulator:WireFormat={format}",
            ],
        });
        builder.Logging.ClearProviders();
        using var output = new StringWriter();

        var result = await SimulatorRun.RunAsync(builder, output);
        return (result, output.ToString());
    }

    [Theory]
    [InlineData(SimulatorWireFormat.Current)]
    [InlineData(SimulatorWireFormat.Legacy2022)]
    public async Task Run_EndsWithEqualDirectories(SimulatorWireFormat format)
    {
        var (result, output) = await RunAsync(format);

        result.Differences.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
        output.Should().Contain("directories equal: yes");
        output.Should().Contain($"wire format {format}");
        result.DatabasePath.Should().Be(_database.DatabasePath);
        result.LocalCounts.Should().Be(result.SimulatorCounts);
        result.SimulatorCounts.Users.Should().Be(974);
        result.SimulatorCounts.Memberships.Should().BePositive();
    }

    [Theory]
    [InlineData(SimulatorWireFormat.Current)]
    [InlineData(SimulatorWireFormat.Legacy2022)]
    public async Task Run_ReconcileRepairsDroppedCallbacks(SimulatorWireFormat format)
    {
        var (result, output) = await RunAsync(format);
        var reconcile = result.Reconcile;

        result.DroppedCallbacks.Should().BePositive();
        result.Delivery.GaveUp.Should().Be(result.DroppedEvents);
        result.DifferencesBeforeReconcile.Should().BePositive("the dropped callbacks leave the directories apart");
        reconcile.ScimUsers.Should().Be(result.SimulatorCounts.Users);
        reconcile.UsersAdded.Should().Be(3);
        reconcile.UsersUpdated.Should().Be(24);
        reconcile.UsersRemoved.Should().Be(4);
        reconcile.GroupsAdded.Should().Be(1);
        reconcile.GroupsUpdated.Should().Be(1);
        reconcile.GroupsRemoved.Should().Be(1);
        reconcile.MembershipsAdded.Should().Be(12);
        reconcile.MembershipsRemoved.Should().Be(3);
        reconcile.WritesSkipped.Should().Be(0);
        result.Differences.Should().BeEmpty();
        output.Should().Contain($"callbacks dropped:  {result.DroppedCallbacks} callbacks with {result.DroppedEvents} events given up on purpose");
        output.Should().Contain($"before reconcile:   {result.DifferencesBeforeReconcile} differences");
        output.Should().Contain("users: 3 added, 24 updated, 4 removed");
    }

    [Theory]
    [InlineData(SimulatorWireFormat.Current)]
    [InlineData(SimulatorWireFormat.Legacy2022)]
    public async Task Run_SqliteFileMatchesSnapshot(SimulatorWireFormat format)
    {
        var (result, _) = await RunAsync(format);
        var expected = result.SimulatorSnapshot;

        using var store = new DirectoryStore(result.DatabasePath);
        var users = await store.ListUsersAsync();
        var units = await store.ListOrganizationalUnitsAsync();
        var groups = await store.ListGroupsAsync();

        users.Select(user => new { user.UserId, user.Username, user.DisplayName, user.Email, user.Description, user.Status, PasswordSet = user.PasswordSet ?? false, user.PrimaryOrganizationalUnitId, user.LockExpireTime })
            .Should().BeEquivalentTo(
                expected.Users.Select(user => new { user.UserId, user.Username, user.DisplayName, user.Email, user.Description, user.Status, user.PasswordSet, user.PrimaryOrganizationalUnitId, user.LockExpireTime }),
                options => options.WithStrictOrdering());
        units.Select(unit => new { unit.OrganizationalUnitId, unit.Name, unit.ParentId, unit.Description })
            .Should().BeEquivalentTo(
                expected.OrganizationalUnits.Select(unit => new { unit.OrganizationalUnitId, unit.Name, unit.ParentId, unit.Description }),
                options => options.WithStrictOrdering());
        groups.Select(group => new { group.GroupId, group.Name, group.Description, group.MemberIds })
            .Should().BeEquivalentTo(
                expected.Groups.Select(group => new { group.GroupId, group.Name, group.Description, group.MemberIds }),
                options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task Run_ExercisesFaultsAndOrdering()
    {
        var (result, _) = await RunAsync(SimulatorWireFormat.Current);
        var delivery = result.Delivery;

        delivery.Rejected.Should().Be(result.DroppedCallbacks * 6L, "each dropped callback is posted once and retried 5 times");
        delivery.GaveUp.Should().Be(result.DroppedEvents);
        delivery.EventsFailed.Should().Be(0);
        delivery.Retries.Should().BeGreaterThanOrEqualTo(1, "one acknowledgement is dropped");
        delivery.Duplicates.Should().BePositive();
        result.EventsHandled.Should().Be((int)delivery.EventsSucceeded);
        result.EventsIgnoredAsOlder.Should().BePositive("reversed deliveries send older changes after newer ones");
        result.EventsDeadLettered.Should().Be(0);
        result.SimulatorSnapshot.Users.Should().Contain(user => user.PasswordSet, "the scenario changes passwords with password sync on");
        result.SimulatorSnapshot.Users.Should().Contain(user => user.Status == "disabled");
        result.SimulatorSnapshot.Users.Should().Contain(user => user.LockExpireTime != null);
    }
}
