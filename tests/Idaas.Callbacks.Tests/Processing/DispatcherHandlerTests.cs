namespace Idaas.Callbacks.Tests.Processing;

public sealed class DispatcherHandlerTests
{
    [Fact]
    public async Task Base_type_handlers_both_receive_event()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>().AddHandler<AnyEventHandler>());
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_1", "user_1"));
        await host.Inbox.WaitForCompletedAsync(1);

        var calls = host.Probe.Calls;
        calls.Select(call => call.Handler).Should().BeEquivalentTo([nameof(UserEventHandler), nameof(AnyEventHandler)]);
        calls.Should().OnlyContain(call => call.Event.EventId == "evnt_1");
        calls.Should().OnlyContain(call => call.Context.Attempt == 1 && !call.Context.IsStale);
        calls.Select(call => call.ScopeId).Distinct().Should().HaveCount(2, "each handler call runs in its own scope");
        host.Inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task Context_carries_event_origin()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_1", "user_1"));
        await host.Probe.WaitForCallsAsync(1);

        var context = host.Probe.Calls[0].Context;
        context.TokenId.Should().Be("jti_evnt_1");
        context.InstanceId.Should().Be("idaas_simtenant01");
        context.ApplicationId.Should().Be("app_simapp01");
        context.ReceivedAt.Should().Be(TestEvents.Start);
        context.BatchIndex.Should().Be(0);
    }

    [Fact]
    public async Task Slow_handler_does_not_block_other_entities()
    {
        var slowRelease = new TaskCompletionSource();
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.MaxParallelism = 4);
        host.Probe.Behavior = (call, _) => call.Event.BusinessId == "user_slow" ? slowRelease.Task : Task.CompletedTask;
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_slow", "user_slow"));
        await host.Probe.WaitForCallsAsync(1);
        await host.EnqueueAsync(TestEvents.Created("evnt_2", "user_2"), TestEvents.Created("evnt_3", "user_3"), TestEvents.Created("evnt_4", null));
        await host.Inbox.WaitForCompletedAsync(3);

        host.Inbox.CompletedIds.Should().BeEquivalentTo(["evnt_2", "evnt_3", "evnt_4"]);

        slowRelease.SetResult();
        await host.Inbox.WaitForCompletedAsync(4);
        host.Inbox.CompletedIds.Should().Contain("evnt_slow");
        host.Inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task Parallel_calls_never_exceed_limit()
    {
        var release = new TaskCompletionSource();
        var running = 0;
        var maximum = 0;
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.MaxParallelism = 3);
        host.Probe.Behavior = async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maximum, now);
            await release.Task;
            Interlocked.Decrement(ref running);
        };
        await host.StartAsync();

        await host.EnqueueAsync([.. Enumerable.Range(0, 10).Select(index => TestEvents.Created($"evnt_{index}", $"user_{index}"))]);
        await host.Probe.WaitForCallsAsync(3);

        // A call is recorded before its handler body runs, so wait until all three bodies are inside.
        SpinWait.SpinUntil(() => Volatile.Read(ref running) == 3, TimeSpan.FromSeconds(10)).Should().BeTrue();
        var heldAtLimit = host.Probe.Calls.Count;
        release.SetResult();
        await host.Inbox.WaitForCompletedAsync(10);

        heldAtLimit.Should().Be(3, "only three calls may start while the first three are held");
        maximum.Should().Be(3);
    }

    [Fact]
    public async Task Events_without_business_id_are_never_stale()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_late", null, 10));
        await host.Probe.WaitForCallsAsync(1);
        await host.EnqueueAsync(TestEvents.Created("evnt_early", null, 1));
        await host.Probe.WaitForCallsAsync(2);

        host.Probe.Calls.Should().OnlyContain(call => !call.Context.IsStale);
    }

    [Fact]
    public async Task Event_without_handler_is_completed()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<CreatedAndDeletedHandler>());
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Updated("evnt_1", "user_1", 0));
        await host.Inbox.WaitForCompletedAsync(1);

        host.Inbox.Count.Should().Be(0);
        host.Logs.GetSnapshot().Should().Contain(record => record.Id.Id == 3006 && record.Message.Contains("evnt_1"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
