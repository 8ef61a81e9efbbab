using System.Diagnostics;
using System.Net;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>The endpoint and the dispatcher together, on Kestrel at 127.0.0.1, with the real in-memory inbox.</summary>
public sealed class EndToEndDispatchTests
{
    [Fact]
    public async Task Slow_handler_does_not_delay_acknowledgement()
    {
        await using var host = await CallbackTestHost.StartAsync(runDispatcher: true);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Recorded.Gate = release.Task;

        var watch = Stopwatch.StartNew();
        using var response = await host.PostAsync(TestCallbacks.Body(TestCallbacks.UserCreated()));
        watch.Stop();
        await host.Recorded.WaitForCallsAsync(1);
        var handling = host.Recorded.Gate;
        release.SetResult();
        await handling;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "the endpoint acknowledges before the handler finishes");
        host.Recorded.Calls.Should().ContainSingle().Which.Event.EventId.Should().Be("evnt_0001");
    }

    [Fact]
    public async Task Event_delivered_three_times_is_handled_once()
    {
        await using var host = await CallbackTestHost.StartAsync(runDispatcher: true);
        var first = TestCallbacks.Body(TestCallbacks.UserCreated());
        var second = TestCallbacks.Body(TestCallbacks.UserCreated(), tokenId: "jti-retry-1");
        var third = TestCallbacks.Body(TestCallbacks.UserCreated(), tokenId: "jti-retry-2");

        var concurrent = await Task.WhenAll(host.PostAsync(first), host.PostAsync(second));
        using var late = await host.PostAsync(third);
        await host.Recorded.WaitForCallsAsync(1);
        await WaitUntilInboxIsEmptyAsync(host);

        concurrent.Should().OnlyContain(response => response.StatusCode == HttpStatusCode.OK);
        late.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestCallbacks.ReadAcknowledgementAsync(late)).Success.Should().Equal("evnt_0001");
        host.Recorded.Calls.Should().ContainSingle();
        foreach (var response in concurrent)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task User_events_arrive_in_event_time_order()
    {
        await using var host = await CallbackTestHost.StartAsync(runDispatcher: true);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Recorded.Gate = release.Task;

        // A first event keeps the user busy, so that the next five wait in the inbox together.
        using var blocker = await host.PostAsync(TestCallbacks.Body(Event("evnt_t0", 0)));
        await host.Recorded.WaitForCallsAsync(1);
        using var batch = await host.PostAsync(TestCallbacks.Body(TestCallbacks.Events()
            .AddEvent("evnt_t4", IdaasEventTypes.UserInfoUpdated, TestCallbacks.T0.AddSeconds(4), "user_0001", TestCallbacks.UserData("t4"))
            .AddEvent("evnt_t2", IdaasEventTypes.UserInfoUpdated, TestCallbacks.T0.AddSeconds(2), "user_0001", TestCallbacks.UserData("t2"))));
        using var later = await host.PostAsync(TestCallbacks.Body(Event("evnt_t5", 5)));
        using var earlier = await host.PostAsync(TestCallbacks.Body(Event("evnt_t1", 1)));
        using var middle = await host.PostAsync(TestCallbacks.Body(Event("evnt_t3", 3)));
        release.SetResult();
        await host.Recorded.WaitForCallsAsync(6);

        host.Recorded.Calls.Select(call => call.Event.EventId).Should().Equal("evnt_t0", "evnt_t1", "evnt_t2", "evnt_t3", "evnt_t4", "evnt_t5");
        host.Recorded.Calls.Should().OnlyContain(call => !call.Context.IsStale);
    }

    [Fact]
    public async Task Create_after_delete_is_marked_stale()
    {
        await using var host = await CallbackTestHost.StartAsync(runDispatcher: true);

        using var deleted = await host.PostAsync(TestCallbacks.Body(TestCallbacks.Events()
            .AddEvent("evnt_delete", IdaasEventTypes.UserDeleted, TestCallbacks.T0.AddSeconds(10), "user_0001", TestCallbacks.UserData("rowan.vale"))));
        await host.Recorded.WaitForCallsAsync(1);
        using var created = await host.PostAsync(TestCallbacks.Body(TestCallbacks.UserCreated("evnt_create")));
        await host.Recorded.WaitForCallsAsync(2);

        var calls = host.Recorded.Calls;
        calls[0].Event.Should().BeOfType<UserDeletedEvent>();
        calls[0].Context.IsStale.Should().BeFalse();
        calls[1].Event.Should().BeOfType<UserCreatedEvent>();
        calls[1].Context.IsStale.Should().BeTrue();
    }

    private static SyncEventBuilder Event(string eventId, int seconds)
        => TestCallbacks.Events().AddEvent(eventId, IdaasEventTypes.UserInfoUpdated, TestCallbacks.T0.AddSeconds(seconds), "user_0001", TestCallbacks.UserData(eventId));

    private static async Task WaitUntilInboxIsEmptyAsync(CallbackTestHost host)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (host.Inbox.Count > 0)
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
