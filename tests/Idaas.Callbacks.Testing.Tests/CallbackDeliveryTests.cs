using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>Deliveries through an in-memory receiver: the wire request, acknowledgement parsing, retries and the log.</summary>
public sealed class CallbackDeliveryTests : IAsyncDisposable
{
    private static readonly Uri Target = new("http://receiver.test/idaas/callbacks");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly IdaasSimulator _simulator;

    public CallbackDeliveryTests() => _simulator = new IdaasSimulator(timeProvider: _time);

    public ValueTask DisposeAsync() => _simulator.DisposeAsync();

    private (CallbackDelivery Delivery, RecordingHandler Handler) Connect(
        Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>>? respond = null,
        CallbackDeliveryOptions? options = null)
    {
        var handler = new RecordingHandler(_time, respond);
        return (_simulator.ConnectTo(Target, handler, options), handler);
    }

    [Fact]
    public async Task Delivery_PostsIdaasWireRequest()
    {
        var (delivery, handler) = Connect();
        var change = _simulator.Directory.CreateUser("alice");

        var result = await delivery.DeliverAsync(change.Events);

        var request = handler.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Uri.Should().Be(Target);
        request.ContentType.Should().Be("application/json;charset=utf-8");
        request.Body.Should().MatchRegex("""^\{"event":"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"\}$""");
        request.EventIds.Should().Equal(change.Events.Single().EventId);
        request.Payload.GetProperty("aud").GetString().Should().Be(_simulator.Options.ApplicationId);
        request.Payload.GetProperty("jti").GetString().Should().Be(result.Attempts.Single().TokenId);
        request.Token.Should().Be(result.Attempts.Single().Token);
    }

    [Fact]
    public async Task Acknowledgement_SetsOutcomePerEvent()
    {
        var directory = _simulator.Directory;
        SimulatorEvent[] events = [.. directory.CreateUser("alice").Events, .. directory.CreateUser("bob").Events, .. directory.CreateUser("carol").Events];
        var lists = new Dictionary<string, string> { [events[0].EventId] = "success", [events[1].EventId] = "skipped", [events[2].EventId] = "failed" };
        var (delivery, handler) = Connect((request, _, _) => Task.FromResult(RecordingHandler.Acknowledge(request, id => lists[id])));

        var result = await delivery.DeliverAsync(events);

        handler.Requests.Should().ContainSingle();
        result.Outcomes.Should().Equal(new Dictionary<string, DeliveryEventOutcome>
        {
            [events[0].EventId] = DeliveryEventOutcome.Succeeded,
            [events[1].EventId] = DeliveryEventOutcome.Skipped,
            [events[2].EventId] = DeliveryEventOutcome.Failed,
        });
        result.AllSucceeded.Should().BeFalse();
        result.GetEventIds(DeliveryEventOutcome.Skipped).Should().Equal(events[1].EventId);
        var attempt = result.Attempts.Should().ContainSingle().Subject;
        attempt.Status.Should().Be(DeliveryAttemptStatus.Acknowledged);
        attempt.StatusCode.Should().Be(200);
        attempt.Acknowledgement[events[1].EventId].Should().Be(new AcknowledgedEvent(events[1].EventId, AcknowledgedEventStatus.Skipped, "auto_skipped", "auto_skipped"));
        delivery.Log.Should().ContainSingle().Which.Should().BeSameAs(result);
    }

    [Fact]
    public async Task Success_RecordsStatistics()
    {
        var (delivery, _) = Connect();
        var directory = _simulator.Directory;

        await delivery.DeliverAsync([.. directory.CreateUser("alice").Events, .. directory.CreateUser("bob").Events]);
        await delivery.DeliverAsync(directory.CreateGroup("Admins").Events);

        delivery.GetStatistics().Should().BeEquivalentTo(new DeliveryStatistics
        {
            CallbacksSent = 2,
            Attempts = 2,
            Acknowledged = 2,
            EventsSucceeded = 3,
        });
    }
}
