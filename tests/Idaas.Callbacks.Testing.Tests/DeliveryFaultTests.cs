using System.Net;
using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>The fault switches and delivery orders, seen from an in-memory receiver on a fake clock.</summary>
public sealed class DeliveryFaultTests : IAsyncDisposable
{
    private static readonly Uri Target = new("http://receiver.test/idaas/callbacks");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly IdaasSimulator _simulator;
    private readonly RecordingHandler _handler;
    private readonly CallbackDelivery _delivery;

    public DeliveryFaultTests()
    {
        _simulator = new IdaasSimulator(timeProvider: _time);
        _handler = new RecordingHandler(_time);
        _delivery = _simulator.ConnectTo(Target, _handler, new CallbackDeliveryOptions { ShuffleSeed = 42 });
    }

    public ValueTask DisposeAsync() => _simulator.DisposeAsync();

    private Task<CallbackDeliveryResult> DeliverAsync(IReadOnlyList<SimulatorEvent> events)
        => _time.RunUntilCompletedAsync(() => _delivery.DeliverAsync(events));

    private List<IReadOnlyList<SimulatorEvent>> CreateBatches(int count)
        => [.. Enumerable.Range(0, count).Select(i => _simulator.Directory.CreateUser($"user{i}").Events)];

    [Fact]
    public async Task DuplicateDelivery_PostsEachCallbackTwice()
    {
        _delivery.Faults.DuplicateDelivery = true;

        var result = await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        _handler.Requests.Should().HaveCount(2);
        _handler.Requests[1].Body.Should().Be(_handler.Requests[0].Body);
        result.Attempts.Select(a => (a.Number, a.IsDuplicate)).Should().Equal((1, false), (1, true));
        result.Retries.Should().Be(0);
        _delivery.GetStatistics().Should().BeEquivalentTo(new DeliveryStatistics
        {
            CallbacksSent = 1,
            Attempts = 2,
            Duplicates = 1,
            Acknowledged = 2,
            EventsSucceeded = 1,
        });
    }

    [Fact]
    public async Task Delay_WaitsBeforeEachPost()
    {
        _delivery.Faults.Delay = TimeSpan.FromSeconds(30);
        var start = _time.GetUtcNow();

        var result = await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        _handler.Requests.Single().ReceivedAt.Should().Be(start + TimeSpan.FromSeconds(30));
        result.StartedAt.Should().Be(start);
        result.Attempts.Single().StartedAt.Should().Be(start + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task DropResponses_TimesOutThenRetries()
    {
        _delivery.Faults.DropResponses = 1;
        var change = _simulator.Directory.CreateUser("alice");

        var result = await DeliverAsync(change.Events);

        _handler.Requests.Should().HaveCount(2, "the receiver got the first post, but its acknowledgement was lost");
        var dropped = result.Attempts[0];
        dropped.Status.Should().Be(DeliveryAttemptStatus.TimedOut);
        dropped.ResponseDropped.Should().BeTrue();
        dropped.StatusCode.Should().BeNull();
        dropped.Latency.Should().Be(TimeSpan.FromSeconds(10));
        result.Attempts[1].Status.Should().Be(DeliveryAttemptStatus.Acknowledged);
        result.Attempts[1].Token.Should().Be(dropped.Token, "a retry resends the same body");
        result.AllSucceeded.Should().BeTrue();
        _delivery.Faults.DropResponses.Should().Be(0);
    }

    [Fact]
    public async Task DropAllResponses_GivesUp()
    {
        _delivery.Faults.DropResponses = int.MaxValue;

        var result = await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        _handler.Requests.Should().HaveCount(6);
        result.Attempts.Should().OnlyContain(a => a.ResponseDropped);
        result.AnyGaveUp.Should().BeTrue();
        _delivery.GetStatistics().TimedOut.Should().Be(6);
        _delivery.Faults.DropResponses.Should().Be(int.MaxValue);
    }

    [Fact]
    public async Task Reversed_SendsLastBatchFirst()
    {
        var batches = CreateBatches(3);

        var results = await _delivery.DeliverAllAsync(batches, DeliveryOrder.Reversed);

        _handler.Requests.Select(r => r.EventIds.Single()).Should().Equal(batches.Select(b => b.Single().EventId).Reverse());
        results.Select(r => r.Events.Single()).Should().Equal(batches[2].Single(), batches[1].Single(), batches[0].Single());
        results.Select(r => r.Sequence).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task AsGiven_KeepsOrder()
    {
        var batches = CreateBatches(3);

        await _delivery.DeliverAllAsync(batches);

        _handler.Requests.Select(r => r.EventIds.Single()).Should().Equal(batches.Select(b => b.Single().EventId));
    }

    [Fact]
    public async Task Shuffled_SameSeedSameOrder()
    {
        var batches = CreateBatches(8);

        var first = await _delivery.DeliverAllAsync(batches, DeliveryOrder.Shuffled);
        var second = await _delivery.DeliverAllAsync(batches, DeliveryOrder.Shuffled);

        var firstOrder = first.Select(r => r.Events[0].EventId).ToList();
        firstOrder.Should().Equal(second.Select(r => r.Events[0].EventId));
        firstOrder.Should().BeEquivalentTo(batches.Select(b => b[0].EventId));
        firstOrder.Should().NotEqual(batches.Select(b => b[0].EventId), "seed 42 moves at least one of 8 batches");
    }

    [Fact]
    public async Task ExpiredToken_ExpiresTenMinutesAgo()
    {
        _delivery.Faults.ExpiredToken = true;

        await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        var payload = _handler.Requests[0].Payload;
        payload.GetProperty("exp").GetInt64().Should().Be(_time.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds());
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).Should().Be(1800);
    }

    [Fact]
    public async Task ClockSkew_ShiftsIatAndExp()
    {
        _delivery.Faults.ClockSkew = TimeSpan.FromMinutes(-3);

        await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        var payload = _handler.Requests[0].Payload;
        payload.GetProperty("iat").GetInt64().Should().Be(_time.GetUtcNow().AddMinutes(-3).ToUnixTimeSeconds());
        payload.GetProperty("exp").GetInt64().Should().Be(_time.GetUtcNow().AddMinutes(27).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task WrongAudience_UsesOtherApplicationId()
    {
        _delivery.Faults.WrongAudience = true;

        await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        var audience = _handler.Requests[0].Payload.GetProperty("aud").GetString();
        audience.Should().StartWith("app_").And.NotBe(_simulator.Options.ApplicationId);
    }

    [Fact]
    public async Task UnknownKeyId_SignsWithUnpublishedKey()
    {
        _delivery.Faults.UnknownKeyId = true;

        await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);
        await DeliverAsync(_simulator.Directory.CreateUser("bob").Events);

        var keyIds = _handler.Requests.Select(r => r.HeaderKeyId).ToList();
        keyIds.Should().OnlyContain(kid => kid == keyIds[0], "one unpublished key serves the whole delivery");
        keyIds[0].Should().StartWith("KEY");
        _simulator.Keys.Published.Select(k => k.KeyId).Should().NotContain(keyIds[0]);
    }

    [Fact]
    public async Task TamperSignature_ChangesOnlySignature()
    {
        _delivery.Faults.TamperSignature = true;

        await DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        var token = _handler.Requests[0].Token;
        var segments = token.Split('.');
        segments.Should().HaveCount(3);
        var signature = Convert.FromBase64String(RecordedRequest.ToBase64(segments[2]));
        var signingInput = System.Text.Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
        _simulator.Keys.Current.Rsa.VerifyData(signingInput, signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .Should().BeFalse();
    }

    [Fact]
    public void Faults_RejectNegativeValues()
    {
        var faults = new DeliveryFaults();

        faults.Invoking(f => f.Delay = TimeSpan.FromSeconds(-1)).Should().Throw<ArgumentOutOfRangeException>();
        faults.Invoking(f => f.DropResponses = -1).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Reset_TurnsEverySwitchOff()
    {
        var faults = new DeliveryFaults
        {
            DuplicateDelivery = true,
            Delay = TimeSpan.FromSeconds(1),
            DropResponses = 2,
            TamperSignature = true,
            ExpiredToken = true,
            WrongAudience = true,
            UnknownKeyId = true,
            ClockSkew = TimeSpan.FromSeconds(5),
        };

        faults.Reset();

        faults.Should().BeEquivalentTo(new DeliveryFaults());
    }

    [Fact]
    public async Task RejectedStatus_RecordsResponseBody()
    {
        using var handler = new RecordingHandler(_time, (_, _, _) => Task.FromResult(RecordingHandler.Json(HttpStatusCode.BadRequest, """{"reason":"MalformedBody"}""")));
        var delivery = _simulator.ConnectTo(Target, handler, new CallbackDeliveryOptions { MaxRetries = 0 });

        var result = await delivery.DeliverAsync(_simulator.Directory.CreateUser("alice").Events);

        result.Attempts.Single().ResponseBody.Should().Be("""{"reason":"MalformedBody"}""");
        result.Attempts.Single().Error.Should().Contain("400");
    }
}
