using Idaas.Callbacks.Processing;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class DispatcherShutdownTests
{
    [Fact]
    public async Task Stop_closes_inbox_and_drains_queue()
    {
        var firstRelease = new TaskCompletionSource();
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        host.Probe.Behavior = (call, _) => call.Event.EventId == "evnt_1" ? firstRelease.Task : Task.CompletedTask;
        await host.StartAsync();
        await host.EnqueueAsync(TestEvents.Created("evnt_1", "user_1", 0), TestEvents.Updated("evnt_2", "user_1", 1), TestEvents.Created("evnt_3", "user_3"));
        await host.Probe.WaitForAsync(calls => calls.Any(call => call.Event.EventId == "evnt_1"));

        var stopping = host.Host.StopAsync();
        await host.Inbox.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var lateStatus = await host.EnqueueAsync(TestEvents.Created("evnt_late", "user_4"));
        firstRelease.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        lateStatus.Should().Be(InboxEnqueueStatus.Closed);
        host.Inbox.CompletedIds.Should().BeEquivalentTo(["evnt_1", "evnt_2", "evnt_3"]);
        host.Inbox.Count.Should().Be(0);
        host.Logs.GetSnapshot().Should().NotContain(record => record.Id.Id == 3008 || record.Id.Id == 3009);
    }

    [Fact]
    public async Task Stop_timeout_logs_unhandled_events()
    {
        var handlerCanceled = new TaskCompletionSource();
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        host.Probe.Behavior = async (call, cancellationToken) =>
        {
            if (call.Event.EventId == "evnt_stuck")
            {
                cancellationToken.Register(() => handlerCanceled.TrySetResult());

                // Ignores cancellation, like a handler blocked on a call without a timeout.
                await new TaskCompletionSource().Task;
            }
        };
        await host.EnqueueAsync(TestEvents.Created("evnt_stuck", "user_1", 0), TestEvents.Updated("evnt_queued", "user_1", 1), TestEvents.Created("evnt_done", "user_2"));
        await host.StartAsync();
        await host.Inbox.WaitForCompletedAsync(1);
        await host.Probe.WaitForAsync(calls => calls.Any(call => call.Event.EventId == "evnt_stuck"));

        using var shutdownTimeout = new CancellationTokenSource();
        var stopping = host.Host.StopAsync(shutdownTimeout.Token);
        await host.Inbox.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await shutdownTimeout.CancelAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        await handlerCanceled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var logs = host.Logs.GetSnapshot();
        var unhandled = logs.Where(record => record.Id.Id == 3008).Select(record => record.Message).ToList();
        unhandled.Should().HaveCount(2);
        unhandled.Should().ContainSingle(message => message.Contains("evnt_stuck"));
        unhandled.Should().ContainSingle(message => message.Contains("evnt_queued"));
        var summary = logs.Should().ContainSingle(record => record.Id.Id == 3009).Subject;
        summary.Level.Should().Be(LogLevel.Warning);
        summary.Message.Should().StartWith("2 events");
        host.Inbox.CompletedIds.Should().Equal("evnt_done");
        host.Probe.Calls.Should().NotContain(call => call.Event.EventId == "evnt_queued");
    }
}
