namespace Idaas.Callbacks.Tests.Processing;

public sealed class DispatcherOrderingTests
{
    [Fact]
    public async Task Events_queued_before_start_run_in_time_order()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        await host.EnqueueAsync(
            TestEvents.Updated("evnt_t1", "user_1", 1),
            TestEvents.Created("evnt_t0", "user_1", 0),
            TestEvents.Updated("evnt_t3", "user_1", 3));
        await host.EnqueueAsync(TestEvents.Deleted("evnt_t4", "user_1", 4), TestEvents.Updated("evnt_t2", "user_1", 2));

        await host.StartAsync();
        await host.Inbox.WaitForCompletedAsync(5);

        host.Probe.Calls.Select(call => call.Event.EventId).Should().Equal("evnt_t0", "evnt_t1", "evnt_t2", "evnt_t3", "evnt_t4");
        host.Probe.Calls.Should().OnlyContain(call => !call.Context.IsStale);
    }

    [Fact]
    public async Task Events_queued_while_busy_run_in_time_order()
    {
        var firstRelease = new TaskCompletionSource();
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        host.Probe.Behavior = (call, _) => call.Event.EventId == "evnt_t0" ? firstRelease.Task : Task.CompletedTask;
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_t0", "user_1", 0));
        await host.Probe.WaitForCallsAsync(1);
        await host.EnqueueAsync(TestEvents.Updated("evnt_t3", "user_1", 3), TestEvents.Updated("evnt_t1", "user_1", 1));
        await host.EnqueueAsync(TestEvents.Deleted("evnt_t4", "user_1", 4));
        await host.EnqueueAsync(TestEvents.Updated("evnt_t2", "user_1", 2));
        firstRelease.SetResult();
        await host.Inbox.WaitForCompletedAsync(5);

        host.Probe.Calls.Select(call => call.Event.EventId).Should().Equal("evnt_t0", "evnt_t1", "evnt_t2", "evnt_t3", "evnt_t4");
    }

    [Fact]
    public async Task Create_after_delete_is_marked_stale()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Deleted("evnt_delete", "user_1", 4));
        await host.Inbox.WaitForCompletedAsync(1);
        await host.EnqueueAsync(TestEvents.Created("evnt_create", "user_1", 0), TestEvents.Created("evnt_other", "user_2", 0));
        await host.Inbox.WaitForCompletedAsync(3);

        var calls = host.Probe.Calls.ToDictionary(call => call.Event.EventId);
        calls["evnt_delete"].Context.IsStale.Should().BeFalse();
        calls["evnt_create"].Context.IsStale.Should().BeTrue();
        calls["evnt_other"].Context.IsStale.Should().BeFalse("another user's history does not count");
    }

    [Fact]
    public async Task Stale_event_is_skipped_by_policy()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.StaleEventPolicy = StaleEventPolicy.Skip);
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Deleted("evnt_delete", "user_1", 4));
        await host.Inbox.WaitForCompletedAsync(1);
        await host.EnqueueAsync(TestEvents.Created("evnt_create", "user_1", 0));
        await host.Inbox.WaitForCompletedAsync(2);

        host.Probe.Calls.Select(call => call.Event.EventId).Should().Equal("evnt_delete");
        host.Inbox.CompletedIds.Should().Equal("evnt_delete", "evnt_create");
        host.Inbox.Count.Should().Be(0);
        host.Logs.GetSnapshot().Should().Contain(record => record.Id.Id == 3005 && record.Message.Contains("evnt_create"));
    }

    [Fact]
    public async Task Same_entity_never_runs_concurrently()
    {
        var running = 0;
        var maxRunning = 0;
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.MaxParallelism = 8);
        host.Probe.Behavior = async (call, _) =>
        {
            if (call.Event.BusinessId != "user_1")
            {
                return;
            }

            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await Task.Yield();
            Interlocked.Decrement(ref running);
        };
        await host.StartAsync();

        for (var batch = 0; batch < 20; batch++)
        {
            await host.EnqueueAsync(
                TestEvents.Updated($"evnt_a{batch}", "user_1", batch),
                TestEvents.Updated($"evnt_b{batch}", "user_1", 100 - batch),
                TestEvents.Updated($"evnt_c{batch}", $"user_other{batch}", batch));
        }

        await host.Inbox.WaitForCompletedAsync(60);

        maxRunning.Should().Be(1);
        host.Probe.Calls.Count(call => call.Event.BusinessId == "user_1").Should().Be(40);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
