using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Handlers;
using Idaas.Callbacks.Samples.Receiver.Reconciliation;
using Idaas.Callbacks.Scim;
using Idaas.Callbacks.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Idaas.Callbacks.Samples.Receiver.Simulation;

/// <summary>
/// Runs the sample against the embedded IDaaS simulator. The JWKS, the SCIM service provider and the receiver
/// listen on 127.0.0.1 with ports the operating system picks, and business data is encrypted with a key generated
/// for the run. After the scenario, whose last callbacks are dropped on purpose, the run waits until every
/// delivered event is handled and counts the differences. It then reconciles through SCIM, pushes the
/// organizational units again, and compares both directories.
/// </summary>
public static class SimulatorRun
{
    /// <summary>The maximum number of differences printed; the rest are counted.</summary>
    public const int MaxPrintedDifferences = 40;

    /// <summary>The maximum number of reconcile changes printed in the summary.</summary>
    public const int MaxPrintedReconcileChanges = 8;

    /// <summary>Plays the scenario with the sample app built from <paramref name="builder"/> and writes the summary.</summary>
    /// <param name="builder">A builder whose configuration has no IDaaS application id; the run sets the IDaaS settings.</param>
    /// <param name="output">Where the summary goes, such as <see cref="Console.Out"/> or <see cref="TextWriter.Null"/>.</param>
    /// <param name="cancellationToken">Ends the run.</param>
    /// <returns>The result; its <see cref="SimulatorRunResult.ExitCode"/> is 0 only when the directories are equal.</returns>
    public static async Task<SimulatorRunResult> RunAsync(WebApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(output);

        var sampleOptions = SampleApp.GetSampleOptions(builder.Configuration);
        var runOptions = sampleOptions.Simulator;
        var simulatorOptions = new SimulatorOptions
        {
            WireFormat = runOptions.WireFormat,
            EncryptionKeyHex = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
        };

        await using var simulator = new IdaasSimulator(simulatorOptions);
        var jwksUri = await simulator.StartJwksServerAsync(cancellationToken).ConfigureAwait(false);
        var scimUri = await simulator.StartScimServerAsync(cancellationToken).ConfigureAwait(false);
        ConfigureForSimulator(builder, simulator, jwksUri, scimUri, runOptions);

        // Each run starts from an empty directory, so the comparison shows what this run's callbacks produced.
        var databasePath = Path.GetFullPath(sampleOptions.SimulatorDatabasePath, builder.Environment.ContentRootPath);
        DirectoryStore.DeleteDatabase(databasePath);
        await using var app = SampleApp.Build(builder, databasePath, callbacks => callbacks.AddHandledEventTracker());
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
            var result = await PlayAsync(app, simulator, runOptions, databasePath, stopping.Token).ConfigureAwait(false);
            await WriteSummaryAsync(output, result, runOptions).ConfigureAwait(false);
            return result;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void ConfigureForSimulator(WebApplicationBuilder builder, IdaasSimulator simulator, Uri jwksUri, Uri scimUri, SimulatorRunOptions runOptions)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Idaas:ApplicationId"] = simulator.Options.ApplicationId,
            ["Idaas:InstanceId"] = simulator.Options.InstanceId,
            ["Idaas:PublicKeyEndpoint"] = jwksUri.ToString(),
            ["Idaas:EncryptionKey"] = simulator.Options.EncryptionKeyHex,

            // The reconcile authenticates with client credentials, and the token endpoint follows from the ids above.
            ["Idaas:Scim:BaseAddress"] = scimUri.ToString(),
            ["Idaas:Scim:ClientCredentials:ClientId"] = simulator.Scim.Options.ClientId,
            ["Idaas:Scim:ClientCredentials:ClientSecret"] = simulator.Scim.Options.ClientSecret,

            // A key rotation must be picked up at once, not after the default 30 second cooldown.
            ["Idaas:SigningKeys:RefreshCooldown"] = "00:00:00",
            ["Logging:LogLevel:Default"] = runOptions.LogLevel,
            ["Logging:LogLevel:Microsoft"] = runOptions.LogLevel,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = runOptions.LogLevel,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    private static async Task<SimulatorRunResult> PlayAsync(WebApplication app, IdaasSimulator simulator, SimulatorRunOptions runOptions, string databasePath, CancellationToken cancellationToken)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var deliveryOptions = new CallbackDeliveryOptions { Timeout = TimeSpan.FromSeconds(2) };

        // Short delays keep the lost-acknowledgement retry quick; the IDaaS schedule is unpublished anyway.
        deliveryOptions.RetryDelays.Clear();
        deliveryOptions.RetryDelays.Add(TimeSpan.FromMilliseconds(200));
        var delivery = simulator.ConnectTo(new Uri(new Uri(address), SampleApp.CallbackPath), options: deliveryOptions);

        var differences = new List<string>();
        var scenario = new SimulatorScenario(simulator, delivery, runOptions);
        await scenario.RunAsync(cancellationToken).ConfigureAwait(false);
        await SettleAsync(app, simulator, delivery, runOptions, differences, cancellationToken).ConfigureAwait(false);

        var store = app.Services.GetRequiredService<DirectoryStore>();
        var differencesBeforeReconcile = (await CompareAsync(store, simulator, cancellationToken).ConfigureAwait(false)).Count;
        using var reconciler = new DirectoryReconciler(
            app.Services.GetRequiredService<IScimClient>(), store, new SimulatorEventClock(simulator), app.Services.GetRequiredService<ILogger<DirectoryReconciler>>());
        var reconcile = await reconciler.ReconcileAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await scenario.FinishAfterReconcileAsync(cancellationToken).ConfigureAwait(false);
        await SettleAsync(app, simulator, delivery, runOptions, differences, cancellationToken).ConfigureAwait(false);

        var snapshot = simulator.Directory.CreateSnapshot();
        differences.AddRange(await CompareAsync(store, simulator, cancellationToken).ConfigureAwait(false));

        // The callbacks of the gap are given up by design. Any other lost, failed or skipped event is an error.
        var statistics = delivery.GetStatistics();
        if (statistics.GaveUp != scenario.DroppedEvents || statistics.EventsFailed + statistics.EventsSkipped > 0)
        {
            differences.Add($"{statistics.GaveUp} events given up ({scenario.DroppedEvents} on purpose), {statistics.EventsFailed} failed and {statistics.EventsSkipped} skipped by the receiver");
        }

        var tracker = app.Services.GetRequiredService<HandledEventTracker>();
        return new SimulatorRunResult
        {
            Delivery = statistics,
            DroppedCallbacks = scenario.DroppedCallbacks,
            DroppedEvents = scenario.DroppedEvents,
            DifferencesBeforeReconcile = differencesBeforeReconcile,
            Reconcile = reconcile,
            EventsHandled = tracker.HandledCount,
            EventsIgnoredAsOlder = app.Services.GetRequiredService<HandledEventCounter>().Ignored,
            EventsDeadLettered = tracker.DeadLetteredEventIds.Count,
            LocalCounts = await store.CountAsync(cancellationToken).ConfigureAwait(false),
            SimulatorCounts = new DirectoryCounts(snapshot.Users.Count, snapshot.OrganizationalUnits.Count, snapshot.Groups.Count, snapshot.Groups.Sum(group => group.MemberIds.Count)),
            SimulatorSnapshot = snapshot,
            Differences = differences,
            DatabasePath = databasePath,
        };
    }

    /// <summary>Waits until every delivery has finished and every delivered event is handled, or records a timeout.</summary>
    private static async Task SettleAsync(WebApplication app, IdaasSimulator simulator, CallbackDelivery delivery, SimulatorRunOptions runOptions, List<string> differences, CancellationToken cancellationToken)
    {
        var tracker = app.Services.GetRequiredService<HandledEventTracker>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(runOptions.SettleTimeout);
        List<string> delivered = [];
        try
        {
            await simulator.WaitUntilSettledAsync(timeout.Token).ConfigureAwait(false);
            delivered = [.. delivery.Log.SelectMany(result => result.GetEventIds(DeliveryEventOutcome.Succeeded)).Distinct(StringComparer.Ordinal)];
            await tracker.WaitForEventsAsync(delivered, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var missing = delivered.Count(id => !tracker.HasHandled(id));
            differences.Add($"timed out after {runOptions.SettleTimeout.TotalSeconds:0} s with {missing} delivered events not handled");
        }
    }

    private static async Task<IReadOnlyList<string>> CompareAsync(DirectoryStore store, IdaasSimulator simulator, CancellationToken cancellationToken)
    {
        var snapshot = simulator.Directory.CreateSnapshot();
        var users = await store.ListUsersAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var units = await store.ListOrganizationalUnitsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var groups = await store.ListGroupsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return DirectoryComparer.Compare(snapshot, users, units, groups);
    }

    private static async Task WriteSummaryAsync(TextWriter output, SimulatorRunResult result, SimulatorRunOptions runOptions)
    {
        var delivery = result.Delivery;
        var reconcile = result.Reconcile;
        var local = result.LocalCounts;
        var expected = result.SimulatorCounts;
        var reconcileLines = reconcile.Changes.Take(MaxPrintedReconcileChanges).Select(change => "                        " + change.Format());
        List<string> lines =
        [
            $"IDaaS simulator run: {runOptions.UserCount} accounts, wire format {runOptions.WireFormat}, business data encrypted",
            $"  callbacks sent:     {delivery.CallbacksSent} ({delivery.Attempts} posts: {delivery.Acknowledged} acknowledged, {delivery.Retries} retried, {delivery.Rejected} rejected, {delivery.TimedOut} timed out, {delivery.Duplicates} duplicates)",
            $"  events delivered:   {delivery.EventsSucceeded} succeeded, {delivery.EventsSkipped} skipped, {delivery.EventsFailed} failed, {delivery.GaveUp} given up",
            $"  events handled:     {result.EventsHandled} ({result.EventsIgnoredAsOlder} not newer than the stored state and ignored, {result.EventsDeadLettered} dead-lettered)",
            $"  callbacks dropped:  {result.DroppedCallbacks} callbacks with {result.DroppedEvents} events given up on purpose: the receiver rejected every post, whose signature was tampered with",
            $"  before reconcile:   {result.DifferencesBeforeReconcile} differences between the directories",
            $"  reconcile:          {reconcile.ScimUsers} users and {reconcile.ScimGroups} groups read through SCIM on 127.0.0.1 with client credentials",
            $"                      {reconcile.FormatCounts()}",
            .. reconcileLines,
            "  after reconcile:    a full push of the organizational units, one held-back older callback, and moves of the accounts created in the gap",
            "  directory           local  simulator",
            Row("users", local.Users, expected.Users),
            Row("organizational units", local.OrganizationalUnits, expected.OrganizationalUnits),
            Row("groups", local.Groups, expected.Groups),
            Row("memberships", local.Memberships, expected.Memberships),
            $"  database:           {result.DatabasePath}",
            $"directories equal: {(result.DirectoriesEqual ? "yes" : "no")}",
        ];
        lines.AddRange(result.Differences.Take(MaxPrintedDifferences).Select(difference => "  " + difference));
        if (result.Differences.Count > MaxPrintedDifferences)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  ... and {result.Differences.Count - MaxPrintedDifferences} more differences"));
        }

        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.FlushAsync().ConfigureAwait(false);
    }

    private static string Row(string name, int local, int simulator)
        => string.Create(CultureInfo.InvariantCulture, $"    {name,-20} {local,5} {simulator,10}");
}
