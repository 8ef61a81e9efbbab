using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>
/// The tracker in a real receiver app on 127.0.0.1: the SDK's endpoint, inbox and dispatcher handle simulator
/// callbacks, and the tests wait through the tracker.
/// </summary>
public sealed class HandledEventTrackerTests : IDisposable
{
    // Guards every wait against a hang. No test relies on it expiring.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly SimulatorOptions _options = new();
    private readonly SimulatorSigningKeys _keys = new();
    private readonly SimulatorDirectory _directory;
    private readonly SimulatorCallbackFactory _factory;

    public HandledEventTrackerTests()
    {
        _directory = new SimulatorDirectory(_options);
        _factory = new SimulatorCallbackFactory(_options, _keys);
    }

    public void Dispose() => _keys.Dispose();

    private Task<TrackedReceiverHost> StartAsync(Action<IdaasCallbacksBuilder>? addHandlers = null, Action<IServiceCollection>? configureServices = null)
        => TrackedReceiverHost.StartAsync(
            _options,
            _keys,
            callbacks =>
            {
                callbacks.Services.AddSingleton<UserStore>();
                callbacks.AddHandler<UserStoreHandler>();
                addHandlers?.Invoke(callbacks);
                callbacks.AddHandledEventTracker();
            },
            options => options.Dispatcher.RetryBaseDelay = TimeSpan.Zero,
            configureServices);

    [Fact]
    public async Task Wait_StartedBeforeHandling_CompletesAfterHandlers()
    {
        await using var host = await StartAsync();
        var store = host.Services.GetRequiredService<UserStore>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Gate = gate.Task;
        var created = _directory.CreateUser("alice");
        var eventId = created.Events.Single().EventId;
        using var timeout = new CancellationTokenSource(HangGuard);

        var wait = host.Tracker.WaitForEventAsync(eventId, timeout.Token);
        await host.PostAsync(_factory.CreateRequestBody(created.Events));
        await store.Entered.WaitAsync(timeout.Token);
        var completedWhileHandlerBlocked = wait.IsCompleted;
        var handledWhileHandlerBlocked = host.Tracker.HasHandled(eventId);
        gate.SetResult();
        await wait;

        completedWhileHandlerBlocked.Should().BeFalse();
        handledWhileHandlerBlocked.Should().BeFalse();
        host.Tracker.HasHandled(eventId).Should().BeTrue();
        store.UserNames.Should().ContainKey(created.ObjectId).WhoseValue.Should().Be("alice");
    }

    [Fact]
    public async Task Wait_StartedAfterHandling_CompletesAtOnce()
    {
        await using var host = await StartAsync();
        var created = _directory.CreateUser("alice");
        var eventId = created.Events.Single().EventId;
        using var timeout = new CancellationTokenSource(HangGuard);
        await host.PostAsync(_factory.CreateRequestBody(created.Events));
        await host.Tracker.WaitForEventAsync(eventId, timeout.Token);

        var secondWait = host.Tracker.WaitForEventAsync(eventId, timeout.Token);

        secondWait.IsCompletedSuccessfully.Should().BeTrue();
        host.Tracker.HandledCount.Should().Be(1);
        host.Tracker.HandledEventIds.Should().Equal(eventId);
        host.Tracker.DeadLetteredEventIds.Should().BeEmpty();
    }

    [Fact]
    public async Task WaitForEvents_AcrossBatches()
    {
        await using var host = await StartAsync();
        var userIds = Enumerable.Range(1, 7).Select(i => _directory.CreateUser($"user{i}").ObjectId).ToList();
        var batches = _directory.FullPush(batchSize: 3);
        var eventIds = batches.SelectMany(batch => batch).Select(simulatorEvent => simulatorEvent.EventId).ToList();
        using var timeout = new CancellationTokenSource(HangGuard);

        var wait = host.Tracker.WaitForEventsAsync(eventIds, timeout.Token);
        foreach (var batch in batches)
        {
            await host.PostAsync(_factory.CreateRequestBody(batch));
        }

        await wait;

        var store = host.Services.GetRequiredService<UserStore>();
        store.UserNames.Keys.Should().BeEquivalentTo(userIds);
        host.Tracker.HandledEventIds.Should().BeEquivalentTo(eventIds);
        host.Tracker.HandledCount.Should().Be(eventIds.Count);
    }

    [Fact]
    public async Task WaitForEvents_EmptyList_CompletesAtOnce()
    {
        await using var host = await StartAsync();

        var wait = host.Tracker.WaitForEventsAsync([]);

        wait.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task Duplicate_delivery_is_counted_once()
    {
        await using var host = await StartAsync();
        var created = _directory.CreateUser("alice");
        var eventId = created.Events.Single().EventId;
        var test = _directory.SendTestEvent();
        using var timeout = new CancellationTokenSource(HangGuard);

        await host.PostAsync(_factory.CreateRequestBody(created.Events));
        await host.PostAsync(_factory.CreateRequestBody(created.Events));
        await host.PostAsync(_factory.CreateRequestBody([test]));
        await host.Tracker.WaitForEventsAsync([eventId, test.EventId], timeout.Token);

        host.Tracker.HandledEventIds.Should().Equal(eventId, test.EventId);
    }

    [Fact]
    public async Task Wait_Canceled_ThrowsOperationCanceled()
    {
        await using var host = await StartAsync();
        using var cancellation = new CancellationTokenSource();

        var wait = host.Tracker.WaitForEventAsync("evnt_neversent", cancellation.Token);
        await cancellation.CancelAsync();

        await wait.Invoking(task => task).Should().ThrowAsync<OperationCanceledException>();
        host.Tracker.HasHandled("evnt_neversent").Should().BeFalse();
    }

    [Fact]
    public async Task WaitForEvents_Canceled_ThrowsOperationCanceled()
    {
        await using var host = await StartAsync();
        var created = _directory.CreateUser("alice");
        using var cancellation = new CancellationTokenSource();
        await host.PostAsync(_factory.CreateRequestBody(created.Events));

        var wait = host.Tracker.WaitForEventsAsync([created.Events.Single().EventId, "evnt_neversent"], cancellation.Token);
        await cancellation.CancelAsync();

        await wait.Invoking(task => task).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Canceled_wait_leaves_other_waits_running()
    {
        await using var host = await StartAsync();
        var created = _directory.CreateUser("alice");
        var eventId = created.Events.Single().EventId;
        using var canceled = new CancellationTokenSource();
        using var timeout = new CancellationTokenSource(HangGuard);

        var canceledWait = host.Tracker.WaitForEventAsync(eventId, canceled.Token);
        var otherWait = host.Tracker.WaitForEventAsync(eventId, timeout.Token);
        await canceled.CancelAsync();
        await host.PostAsync(_factory.CreateRequestBody(created.Events));
        await otherWait;

        canceledWait.IsCanceled.Should().BeTrue();
        host.Tracker.HasHandled(eventId).Should().BeTrue();
    }

    [Fact]
    public async Task Dead_letter_completes_wait_and_is_listed()
    {
        await using var host = await StartAsync(callbacks => callbacks.AddHandler<FailingUserHandler>());
        var broken = _directory.CreateUser(FailingUserHandler.FailingUsername);
        var healthy = _directory.CreateUser("alice");
        var brokenEventId = broken.Events.Single().EventId;
        var healthyEventId = healthy.Events.Single().EventId;
        using var timeout = new CancellationTokenSource(HangGuard);

        await host.PostAsync(_factory.CreateRequestBody([.. broken.Events, .. healthy.Events]));
        await host.Tracker.WaitForEventsAsync([brokenEventId, healthyEventId], timeout.Token);

        host.Tracker.WasDeadLettered(brokenEventId).Should().BeTrue();
        host.Tracker.WasDeadLettered(healthyEventId).Should().BeFalse();
        host.Tracker.DeadLetteredEventIds.Should().Equal(brokenEventId);
        var sdkSink = host.Services.GetRequiredService<InMemoryDeadLetterSink>();
        sdkSink.Snapshot().Should().ContainSingle().Which.Entry.Event.EventId.Should().Be(brokenEventId);
        sdkSink.Snapshot().Single().Attempts.Should().Be(5);
    }

    [Fact]
    public async Task Own_dead_letter_sink_still_receives()
    {
        var ownSink = new RecordingDeadLetterSink();
        await using var host = await StartAsync(
            callbacks => callbacks.AddHandler<FailingUserHandler>(),
            services => services.AddSingleton<IDeadLetterSink>(ownSink));
        var broken = _directory.CreateUser(FailingUserHandler.FailingUsername);
        var eventId = broken.Events.Single().EventId;
        using var timeout = new CancellationTokenSource(HangGuard);

        await host.PostAsync(_factory.CreateRequestBody(broken.Events));
        await host.Tracker.WaitForEventAsync(eventId, timeout.Token);

        ownSink.EventIds.Should().Equal(eventId);
        host.Tracker.DeadLetteredEventIds.Should().Equal(eventId);
        host.Services.GetRequiredService<InMemoryDeadLetterSink>().Snapshot().Should().BeEmpty();
    }
}
