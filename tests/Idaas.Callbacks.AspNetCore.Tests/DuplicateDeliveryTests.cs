using System.Diagnostics;
using System.Net;
using Idaas.Callbacks.AspNetCore.Tests.Support;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>Retries and repeats of one event reach the inbox once, and every delivery is acknowledged.</summary>
public sealed class DuplicateDeliveryTests
{
    [Fact]
    public async Task EndpointAnswers_WithoutWaitingForHandler()
    {
        // UserEventRecorder throws if called; nothing drains the inbox, so the event just waits there.
        await using var host = await CallbackTestHost.StartAsync();
        var stopwatch = Stopwatch.StartNew();

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        stopwatch.Stop();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestCallbacks.ReadAcknowledgementAsync(response)).Success.Should().Equal("evnt_0001");
        host.Inbox.Count.Should().Be(1);
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "IDaaS waits at most 10 s for the answer");
    }

    [Fact]
    public async Task ConcurrentIdenticalPosts_EnqueueOnce()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var body = TestCallbacks.Body(TestCallbacks.UserCreated(), tokenId: "jti-0001");

        var responses = await Task.WhenAll(host.PostAsync(body), host.PostAsync(body));

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await TestCallbacks.ReadAcknowledgementAsync(response)).Success.Should().Equal("evnt_0001");
            response.Dispose();
        }

        host.Inbox.Count.Should().Be(1);
    }

    [Fact]
    public async Task ResignedRetry_IsNotEnqueuedAgain()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var first = await host.PostEventsAsync(TestCallbacks.UserCreated(), tokenId: "jti-0001");

        using var retry = await host.PostEventsAsync(TestCallbacks.UserCreated(), tokenId: "jti-0002");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestCallbacks.ReadAcknowledgementAsync(retry)).Success.Should().Equal("evnt_0001");
        host.Inbox.Count.Should().Be(1);
        (await host.ReadInboxAsync(1)).Single().Event.TokenId.Should().Be("jti-0001");
    }

    [Fact]
    public async Task BatchWithTakenEvent_EnqueuesOnlyNewOne()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var first = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0001"));
        var batch = TestCallbacks.UserCreated("evnt_0001")
            .AddEvent("evnt_0002", Events.IdaasEventTypes.UserDisabled, TestCallbacks.T0.AddSeconds(1), "user_0001", TestCallbacks.UserData("rowan.vale"));

        using var second = await host.PostEventsAsync(batch);

        (await TestCallbacks.ReadAcknowledgementAsync(second)).Success.Should().Equal("evnt_0001", "evnt_0002");
        var entries = await host.ReadInboxAsync(2);
        entries.Select(entry => entry.Event.EventId).Should().Equal("evnt_0001", "evnt_0002");
        host.Inbox.Count.Should().Be(2);
    }
}
