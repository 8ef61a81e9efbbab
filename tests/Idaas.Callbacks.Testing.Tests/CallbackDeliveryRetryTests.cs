using System.Net;
using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>Retries on a fake clock: timeouts, rejections, retried events, the retry budget and the delays.</summary>
public sealed class CallbackDeliveryRetryTests : IAsyncDisposable
{
    private static readonly Uri Target = new("http://receiver.test/idaas/callbacks");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly IdaasSimulator _simulator;

    public CallbackDeliveryRetryTests() => _simulator = new IdaasSimulator(timeProvider: _time);

    public ValueTask DisposeAsync() => _simulator.DisposeAsync();

    private (CallbackDelivery Delivery, RecordingHandler Handler) Connect(
        Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>>? respond = null,
        CallbackDeliveryOptions? options = null)
    {
        var handler = new RecordingHandler(_time, respond);
        return (_simulator.ConnectTo(Target, handler, options), handler);
    }

    private Task<CallbackDeliveryResult> DeliverAsync(CallbackDelivery delivery, IReadOnlyList<SimulatorEvent> events)
        => _time.RunUntilCompletedAsync(() => delivery.DeliverAsync(events));

    private static Task<HttpResponseMessage> Status(HttpStatusCode status)
        => Task.FromResult(RecordingHandler.Json(status, """{"error":"internal_error"}"""));

    [Fact]
    public async Task SlowReceiver_TimesOutAndRetries()
    {
        var (delivery, handler) = Connect(async (request, number, cancellationToken) =>
        {
            if (number == 1)
            {
                // Responds after 11 s, beyond the 10 s timeout.
                await Task.Delay(TimeSpan.FromSeconds(11), _time, cancellationToken);
            }

            return RecordingHandler.Acknowledge(request, _ => "success");
        });
        var change = _simulator.Directory.CreateUser("alice");

        var result = await DeliverAsync(delivery, change.Events);

        handler.Requests.Should().HaveCount(2);
        result.Attempts.Select(a => a.Status).Should().Equal(DeliveryAttemptStatus.TimedOut, DeliveryAttemptStatus.Acknowledged);
        result.Attempts[0].StatusCode.Should().BeNull();
        result.Attempts[0].Latency.Should().Be(TimeSpan.FromSeconds(10));
        result.Attempts[0].ResponseDropped.Should().BeFalse();
        (result.Attempts[1].StartedAt - result.Attempts[0].StartedAt).Should().Be(TimeSpan.FromSeconds(11), "the 10 s timeout and the 1 s first retry delay");
        result.AllSucceeded.Should().BeTrue();
        delivery.GetStatistics().TimedOut.Should().Be(1);
        delivery.GetStatistics().Retries.Should().Be(1);
    }

    [Fact]
    public async Task RetriedEvents_ResentInNewCallback()
    {
        var directory = _simulator.Directory;
        SimulatorEvent[] events = [.. directory.CreateUser("alice").Events, .. directory.CreateUser("bob").Events];
        var (delivery, handler) = Connect((request, number, _) => Task.FromResult(
            RecordingHandler.Acknowledge(request, id => number == 1 && id == events[1].EventId ? "retried" : "success")));

        var result = await DeliverAsync(delivery, events);

        handler.Requests.Select(r => r.EventIds).Should().BeEquivalentTo(
            new[] { new[] { events[0].EventId, events[1].EventId }, new[] { events[1].EventId } },
            options => options.WithStrictOrdering());
        result.Attempts[0].Acknowledgement[events[1].EventId].Status.Should().Be(AcknowledgedEventStatus.Retried);
        result.Attempts[1].TokenId.Should().NotBe(result.Attempts[0].TokenId);
        result.Attempts[1].Number.Should().Be(2);
        result.AllSucceeded.Should().BeTrue();
        result.Retries.Should().Be(1);
    }

    [Fact]
    public async Task AlwaysRejected_GivesUpAfterFiveRetries()
    {
        var (delivery, handler) = Connect((_, _, _) => Status(HttpStatusCode.InternalServerError));
        var directory = _simulator.Directory;
        SimulatorEvent[] events = [.. directory.CreateUser("alice").Events, .. directory.CreateUser("bob").Events];

        var result = await DeliverAsync(delivery, events);

        handler.Requests.Should().HaveCount(6);
        result.Attempts.Select(a => a.Number).Should().Equal(1, 2, 3, 4, 5, 6);
        result.Attempts.Should().OnlyContain(a => a.Status == DeliveryAttemptStatus.Rejected && a.StatusCode == 500);
        result.Outcomes.Values.Should().Equal(DeliveryEventOutcome.GaveUp, DeliveryEventOutcome.GaveUp);
        result.AnyGaveUp.Should().BeTrue();
        delivery.GetStatistics().Should().BeEquivalentTo(new DeliveryStatistics
        {
            CallbacksSent = 1,
            Attempts = 6,
            Retries = 5,
            Rejected = 6,
            GaveUp = 2,
        });
    }

    [Fact]
    public async Task AlwaysRetried_GivesUpAfterFiveRetries()
    {
        var (delivery, handler) = Connect((request, _, _) => Task.FromResult(RecordingHandler.Acknowledge(request, _ => "retried")));
        var change = _simulator.Directory.CreateUser("alice");

        var result = await DeliverAsync(delivery, change.Events);

        handler.Requests.Should().HaveCount(6);
        handler.Requests.Select(r => r.Payload.GetProperty("jti").GetString()).Should().OnlyHaveUniqueItems("each resend of retried events is a new callback");
        result.Outcomes[change.Events.Single().EventId].Should().Be(DeliveryEventOutcome.GaveUp);
        delivery.GetStatistics().Acknowledged.Should().Be(6);
        delivery.GetStatistics().GaveUp.Should().Be(1);
    }

    [Fact]
    public async Task RetryDelays_FollowDefaultSchedule()
    {
        var (delivery, handler) = Connect((_, _, _) => Status(HttpStatusCode.ServiceUnavailable));

        await DeliverAsync(delivery, _simulator.Directory.CreateUser("alice").Events);

        var times = handler.Requests.Select(r => r.ReceivedAt).ToList();
        times.Zip(times.Skip(1), (earlier, later) => later - earlier).Should().Equal(
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16));
    }

    [Fact]
    public async Task RetryDelays_LastEntryRepeats()
    {
        var options = new CallbackDeliveryOptions { MaxRetries = 4 };
        options.RetryDelays.Clear();
        options.RetryDelays.Add(TimeSpan.FromSeconds(3));
        options.RetryDelays.Add(TimeSpan.FromSeconds(7));
        var (delivery, handler) = Connect((_, _, _) => Status(HttpStatusCode.BadGateway), options);

        var result = await DeliverAsync(delivery, _simulator.Directory.CreateUser("alice").Events);

        var times = handler.Requests.Select(r => r.ReceivedAt).ToList();
        times.Zip(times.Skip(1), (earlier, later) => later - earlier).Should().Equal(
            TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7));
        result.Attempts.Should().HaveCount(5);
    }

    [Fact]
    public async Task EmptyRetryDelays_RetriesAtOnce()
    {
        var options = new CallbackDeliveryOptions { MaxRetries = 2 };
        options.RetryDelays.Clear();
        var (delivery, handler) = Connect((_, _, _) => Status(HttpStatusCode.InternalServerError), options);
        var start = _time.GetUtcNow();

        await DeliverAsync(delivery, _simulator.Directory.CreateUser("alice").Events);

        handler.Requests.Select(r => r.ReceivedAt).Should().Equal(start, start, start);
    }

    [Fact]
    public async Task FailedRetry_ResendsSameBody()
    {
        var (delivery, handler) = Connect((request, number, _) => number == 1 ? Status(HttpStatusCode.InternalServerError) : Task.FromResult(RecordingHandler.Acknowledge(request, _ => "success")));

        var result = await DeliverAsync(delivery, _simulator.Directory.CreateUser("alice").Events);

        handler.Requests.Should().HaveCount(2);
        handler.Requests[1].Body.Should().Be(handler.Requests[0].Body);
        result.Attempts[1].TokenId.Should().Be(result.Attempts[0].TokenId);
    }

    [Fact]
    public async Task ResignRetries_NewTokenSameEvents()
    {
        var options = new CallbackDeliveryOptions { ResignRetries = true };
        var (delivery, handler) = Connect((request, number, _) => number == 1 ? Status(HttpStatusCode.InternalServerError) : Task.FromResult(RecordingHandler.Acknowledge(request, _ => "success")), options);
        var directory = _simulator.Directory;
        SimulatorEvent[] events = [.. directory.CreateUser("alice").Events, .. directory.CreateUser("bob").Events];

        var result = await DeliverAsync(delivery, events);

        var (first, second) = (handler.Requests[0], handler.Requests[1]);
        second.Payload.GetProperty("jti").GetString().Should().NotBe(first.Payload.GetProperty("jti").GetString());
        second.Payload.GetProperty("iat").GetInt64().Should().Be(first.Payload.GetProperty("iat").GetInt64() + 1, "the retry is signed after the 1 s delay");
        second.EventIds.Should().Equal(first.EventIds);
        second.EventIds.Should().Equal(events[0].EventId, events[1].EventId);
        result.Attempts[1].TokenId.Should().Be(second.Payload.GetProperty("jti").GetString());
        result.AllSucceeded.Should().BeTrue();
    }

    [Fact]
    public async Task UnlistedEvent_IsRetried()
    {
        var directory = _simulator.Directory;
        SimulatorEvent[] events = [.. directory.CreateUser("alice").Events, .. directory.CreateUser("bob").Events];
        var (delivery, handler) = Connect((request, number, _) => Task.FromResult(
            RecordingHandler.Acknowledge(request, id => number == 1 && id == events[1].EventId ? "none" : "success")));

        var result = await DeliverAsync(delivery, events);

        result.Attempts[0].Acknowledgement[events[1].EventId].Status.Should().Be(AcknowledgedEventStatus.NotListed);
        handler.Requests[1].EventIds.Should().Equal(events[1].EventId);
        result.AllSucceeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"successEvents":{}}""")]
    [InlineData("""{"successEvents":[{"eventCode":"SUCCESS"}]}""")]
    public async Task UnparseableAcknowledgement_IsRetried(string body)
    {
        var (delivery, _) = Connect((request, number, _) => Task.FromResult(number == 1
            ? RecordingHandler.Json(HttpStatusCode.OK, body)
            : RecordingHandler.Acknowledge(request, _ => "success")));

        var result = await DeliverAsync(delivery, _simulator.Directory.CreateUser("alice").Events);

        result.Attempts[0].Status.Should().Be(DeliveryAttemptStatus.InvalidAcknowledgement);
        result.Attempts[0].StatusCode.Should().Be(200);
        result.Attempts[0].Error.Should().NotBeNullOrEmpty();
        result.Attempts[0].ResponseBody.Should().Be(body);
        result.AllSucceeded.Should().BeTrue();
        delivery.GetStatistics().InvalidAcknowledgements.Should().Be(1);
        delivery.GetStatistics().Acknowledged.Should().Be(1);
    }

    [Fact]
    public async Task ConnectionError_IsRetried()
    {
        var (delivery, _) = Connect((request, number, _) => number == 1
            ? throw new HttpRequestException("Connection refused (receiver.test:80)")
            : Task.FromResult(RecordingHandler.Acknowledge(request, _ => "success")));

        var result = await DeliverAsync(delivery, _simulator.Directory.CreateUser("alice").Events);

        result.Attempts[0].Status.Should().Be(DeliveryAttemptStatus.ConnectionFailed);
        result.Attempts[0].Error.Should().Contain("Connection refused");
        result.AllSucceeded.Should().BeTrue();
        delivery.GetStatistics().ConnectionFailed.Should().Be(1);
    }

    [Fact]
    public async Task MaxRetriesZero_SendsOnce()
    {
        var (delivery, handler) = Connect((_, _, _) => Status(HttpStatusCode.InternalServerError), new CallbackDeliveryOptions { MaxRetries = 0 });

        var result = await DeliverAsync(delivery, _simulator.Directory.CreateUser("alice").Events);

        handler.Requests.Should().ContainSingle();
        result.AnyGaveUp.Should().BeTrue();
    }
}
