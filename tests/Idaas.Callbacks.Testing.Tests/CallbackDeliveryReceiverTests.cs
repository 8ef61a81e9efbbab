using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>
/// Deliveries to the SDK's real receiver over HTTP on 127.0.0.1: normal deliveries succeed, and each token fault is
/// rejected with its typed reason.
/// </summary>
public sealed class CallbackDeliveryReceiverTests
{
    // The receiver checks token times against the system clock, so the simulator's fake clock starts at the real time.
    // No test here advances it, so attempts never time out on it.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private async Task<(IdaasSimulator Simulator, ReceiverHost Receiver, CallbackDelivery Delivery)> StartAsync(
        bool encrypted = false,
        CallbackDeliveryOptions? options = null)
    {
        var simulatorOptions = new SimulatorOptions { EncryptionKeyHex = encrypted ? BusinessDataEncryptor.GenerateHexKey() : null };
        var simulator = new IdaasSimulator(simulatorOptions, _time);
        await simulator.StartJwksServerAsync();
        var receiver = await ReceiverHost.StartAsync(simulator);
        var delivery = simulator.ConnectTo(receiver.CallbackUri, options: options);
        return (simulator, receiver, delivery);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NormalDelivery_AllEventsSucceed(bool encrypted)
    {
        var (simulator, receiver, delivery) = await StartAsync(encrypted);
        await using var _ = simulator;
        await using var __ = receiver;
        var directory = simulator.Directory;
        var unit = directory.CreateOrganizationalUnit("Sales");
        var user = directory.CreateUser("alice", "Alice", "alice@example.com");
        var group = directory.CreateGroup("Admins");

        var results = new List<CallbackDeliveryResult>
        {
            await simulator.DeliverAsync(directory.SendTestEvent()),
            await simulator.DeliverAsync(unit),
            await simulator.DeliverAsync(user),
            await simulator.DeliverAsync(group),
            await simulator.DeliverAsync(directory.AddGroupMember(group.ObjectId, user.ObjectId)),
        };
        results.AddRange(await delivery.DeliverAllAsync(directory.FullPush(batchSize: 2)));
        await simulator.WaitUntilSettledAsync();

        results.Should().OnlyContain(result => result.AllSucceeded);
        results.SelectMany(r => r.Attempts).Should().OnlyContain(a => a.Status == DeliveryAttemptStatus.Acknowledged && a.StatusCode == 200);
        var eventCount = results.Sum(r => r.Events.Count);
        var statistics = delivery.GetStatistics();
        statistics.CallbacksSent.Should().Be(results.Count);
        statistics.Attempts.Should().Be(results.Count);
        statistics.Acknowledged.Should().Be(statistics.Attempts);
        statistics.Retries.Should().Be(0);
        statistics.Rejected.Should().Be(0);
        statistics.TimedOut.Should().Be(0);
        statistics.GaveUp.Should().Be(0);
        statistics.EventsSucceeded.Should().Be(eventCount);
        (statistics.EventsSucceeded + statistics.EventsSkipped + statistics.EventsFailed + statistics.GaveUp).Should().Be(eventCount);
        delivery.Log.Should().HaveCount(results.Count);
    }

    [Fact]
    public async Task WireContentType_IsExactIdaasValue()
    {
        var (simulator, receiver, _) = await StartAsync();
        await using var _ = simulator;
        await using var __ = receiver;

        var result = await simulator.DeliverAsync(simulator.Directory.SendTestEvent());

        result.AllSucceeded.Should().BeTrue();
        receiver.ReceivedContentTypes.Should().Equal(CallbackDelivery.ContentType);
        CallbackDelivery.ContentType.Should().Be("application/json;charset=utf-8");
    }

    public static TheoryData<string, int, CallbackRejectionReason> TokenFaults => new()
    {
        { nameof(DeliveryFaults.TamperSignature), 400, CallbackRejectionReason.InvalidSignature },
        { nameof(DeliveryFaults.ExpiredToken), 400, CallbackRejectionReason.Expired },
        { nameof(DeliveryFaults.WrongAudience), 400, CallbackRejectionReason.InvalidAudience },
        { nameof(DeliveryFaults.UnknownKeyId), 503, CallbackRejectionReason.UnknownKey },
        { nameof(DeliveryFaults.ClockSkew), 400, CallbackRejectionReason.NotYetValid },
    };

    [Theory]
    [MemberData(nameof(TokenFaults))]
    public async Task TokenFault_RejectedWithTypedReason(string fault, int expectedStatus, CallbackRejectionReason expectedReason)
    {
        var (simulator, receiver, delivery) = await StartAsync(options: new CallbackDeliveryOptions { MaxRetries = 0 });
        await using var _ = simulator;
        await using var __ = receiver;
        switch (fault)
        {
            case nameof(DeliveryFaults.TamperSignature):
                delivery.Faults.TamperSignature = true;
                break;
            case nameof(DeliveryFaults.ExpiredToken):
                delivery.Faults.ExpiredToken = true;
                break;
            case nameof(DeliveryFaults.WrongAudience):
                delivery.Faults.WrongAudience = true;
                break;
            case nameof(DeliveryFaults.UnknownKeyId):
                delivery.Faults.UnknownKeyId = true;
                break;
            default:
                // Beyond the receiver's default 60 s skew.
                delivery.Faults.ClockSkew = TimeSpan.FromMinutes(10);
                break;
        }

        var change = simulator.Directory.CreateUser("alice");
        var result = await simulator.DeliverAsync(change);

        var attempt = result.Attempts.Should().ContainSingle().Subject;
        attempt.Status.Should().Be(DeliveryAttemptStatus.Rejected);
        attempt.StatusCode.Should().Be(expectedStatus);
        attempt.ResponseBody.Should().Contain($"\"reason\":\"{expectedReason}\"");
        result.Outcomes.Should().Equal(new Dictionary<string, DeliveryEventOutcome> { [change.Events.Single().EventId] = DeliveryEventOutcome.GaveUp });
        delivery.GetStatistics().Rejected.Should().Be(1);
    }

    [Fact]
    public async Task FaultReset_NextDeliverySucceeds()
    {
        var (simulator, receiver, delivery) = await StartAsync(options: new CallbackDeliveryOptions { MaxRetries = 0 });
        await using var _ = simulator;
        await using var __ = receiver;
        delivery.Faults.UnknownKeyId = true;
        var rejected = await simulator.DeliverAsync(simulator.Directory.CreateUser("alice"));

        delivery.Faults.Reset();
        var accepted = await simulator.DeliverAsync(simulator.Directory.CreateUser("bob"));

        rejected.AnyGaveUp.Should().BeTrue();
        accepted.AllSucceeded.Should().BeTrue();
    }

    [Fact]
    public async Task DuplicateDelivery_ReceiverDeduplicates()
    {
        var (simulator, receiver, delivery) = await StartAsync();
        await using var _ = simulator;
        await using var __ = receiver;
        delivery.Faults.DuplicateDelivery = true;
        var change = simulator.Directory.CreateUser("alice");

        var result = await simulator.DeliverAsync(change);

        result.Attempts.Should().HaveCount(2);
        result.Attempts[1].IsDuplicate.Should().BeTrue();
        result.Attempts[1].Token.Should().Be(result.Attempts[0].Token);
        var eventId = change.Events.Single().EventId;
        result.Attempts[1].Acknowledgement[eventId].Should().Be(new AcknowledgedEvent(eventId, AcknowledgedEventStatus.Success, "SUCCESS", "duplicate"));
        result.AllSucceeded.Should().BeTrue();
        delivery.GetStatistics().Duplicates.Should().Be(1);
    }

    [Fact]
    public async Task UnsubscribedType_SendsNothing()
    {
        var (simulator, receiver, delivery) = await StartAsync();
        await using var _ = simulator;
        await using var __ = receiver;
        simulator.Options.SubscribedEventTypes.Remove(IdaasEventTypes.UserCreated);
        var change = simulator.Directory.CreateUser("alice");

        var result = await simulator.DeliverAsync(change);

        change.Events.Should().BeEmpty();
        result.Attempts.Should().BeEmpty();
        receiver.ReceivedContentTypes.Should().BeEmpty();
        delivery.GetStatistics().Should().BeEquivalentTo(new DeliveryStatistics());
    }
}
