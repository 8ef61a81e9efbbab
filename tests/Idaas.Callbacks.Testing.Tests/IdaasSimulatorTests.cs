using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>The facade, settling, disposal and option checks of deliveries.</summary>
public sealed class IdaasSimulatorTests
{
    private static readonly Uri Target = new("http://receiver.test/idaas/callbacks");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    [Fact]
    public async Task Facade_ComposesParts()
    {
        var options = new SimulatorOptions();
        await using var simulator = new IdaasSimulator(options, _time);

        simulator.Options.Should().BeSameAs(options);
        simulator.Directory.Options.Should().BeSameAs(options);
        simulator.Jwks.InstanceId.Should().Be(options.InstanceId);
        simulator.Jwks.ApplicationId.Should().Be(options.ApplicationId);
        simulator.Keys.Published.Should().ContainSingle();
        simulator.Delivery.Should().BeNull();
    }

    [Fact]
    public async Task StartJwksServer_ServesPublishedKeys()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);

        var jwksUri = await simulator.StartJwksServerAsync();
        using var client = new HttpClient();
        var json = await client.GetStringAsync(jwksUri);

        jwksUri.IsLoopback.Should().BeTrue();
        jwksUri.AbsolutePath.Should().Be(simulator.Jwks.Path);
        json.Should().Contain(simulator.Keys.Current.KeyId);
    }

    [Fact]
    public async Task DeliverWithoutConnect_Throws()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);

        var deliver = () => simulator.DeliverAsync(simulator.Directory.SendTestEvent());

        await deliver.Should().ThrowAsync<InvalidOperationException>().WithMessage("*ConnectTo*");
    }

    [Fact]
    public async Task ConnectTo_ReplacesDelivery()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);
        using var firstHandler = new RecordingHandler(_time);
        using var secondHandler = new RecordingHandler(_time);
        var first = simulator.ConnectTo(Target, firstHandler);

        var second = simulator.ConnectTo(Target, secondHandler);
        await simulator.DeliverAsync(simulator.Directory.SendTestEvent());

        simulator.Delivery.Should().BeSameAs(second).And.NotBeSameAs(first);
        firstHandler.Requests.Should().BeEmpty();
        secondHandler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task WaitUntilSettled_CompletesWhenDeliveryEnds()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = new RecordingHandler(_time, async (request, _, _) =>
        {
            await gate.Task;
            return RecordingHandler.Acknowledge(request, _ => "success");
        });
        var delivery = simulator.ConnectTo(Target, handler);
        var settledBefore = simulator.WaitUntilSettledAsync();

        var delivering = simulator.DeliverAsync(simulator.Directory.SendTestEvent());
        var settled = simulator.WaitUntilSettledAsync();
        var deliverySettled = delivery.WaitUntilSettledAsync();

        settledBefore.IsCompleted.Should().BeTrue();
        settled.IsCompleted.Should().BeFalse();
        deliverySettled.IsCompleted.Should().BeFalse();
        gate.SetResult();
        await settled;
        await deliverySettled;
        delivering.IsCompletedSuccessfully.Should().BeTrue();
        delivery.Log.Should().ContainSingle();
    }

    [Fact]
    public async Task Dispose_CancelsDeliveryInFlight()
    {
        var simulator = new IdaasSimulator(timeProvider: _time);
        using var handler = new RecordingHandler(_time, async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("An infinite delay completed without cancellation.");
        });
        var delivery = simulator.ConnectTo(Target, handler);
        var delivering = delivery.DeliverAsync(simulator.Directory.SendTestEvent().ToBatch());

        await simulator.DisposeAsync();

        await delivering.Invoking(task => task).Should().ThrowAsync<OperationCanceledException>();
        await delivery.WaitUntilSettledAsync();
        delivery.Log.Should().BeEmpty();
        simulator.Invoking(s => s.ConnectTo(Target)).Should().Throw<ObjectDisposedException>();
        await delivery.Invoking(d => d.DeliverAsync([])).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task Cancellation_EndsRetryWait()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);
        using var handler = new RecordingHandler(_time, (_, _, _) => Task.FromResult(RecordingHandler.Json(System.Net.HttpStatusCode.InternalServerError, "{}")));
        var delivery = simulator.ConnectTo(Target, handler);
        using var cancellation = new CancellationTokenSource();

        var delivering = delivery.DeliverAsync(simulator.Directory.SendTestEvent().ToBatch(), cancellation.Token);
        await cancellation.CancelAsync();

        await delivering.Invoking(task => task).Should().ThrowAsync<OperationCanceledException>();
        handler.Requests.Should().ContainSingle("the first retry waits 1 s on the fake clock, which never advances");
        delivery.Log.Should().BeEmpty();
    }

    public static TheoryData<Action<CallbackDeliveryOptions>> InvalidOptions => new()
    {
        o => o.Timeout = TimeSpan.Zero,
        o => o.Timeout = TimeSpan.FromMinutes(11),
        o => o.MaxRetries = -1,
        o => o.MaxRetries = 101,
        o => o.RetryDelays.Add(TimeSpan.FromSeconds(-1)),
        o => o.RetryDelays.Add(TimeSpan.FromHours(2)),
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public async Task InvalidOptions_Throw(Action<CallbackDeliveryOptions> configure)
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);
        var options = new CallbackDeliveryOptions();
        configure(options);

        simulator.Invoking(s => s.ConnectTo(Target, options: options)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task OptionsChangedLater_CheckedAtDelivery()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);
        var options = new CallbackDeliveryOptions();
        var delivery = simulator.ConnectTo(Target, options: options);

        options.MaxRetries = -1;

        await delivery.Invoking(d => d.DeliverAsync(simulator.Directory.SendTestEvent().ToBatch())).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Options_DefaultsMatchIdaas()
    {
        var options = new CallbackDeliveryOptions();

        options.Timeout.Should().Be(TimeSpan.FromSeconds(10));
        options.MaxRetries.Should().Be(5);
        options.RetryDelays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16));
        options.ResignRetries.Should().BeFalse();
        options.GetRetryDelay(1).Should().Be(TimeSpan.FromSeconds(1));
        options.GetRetryDelay(9).Should().Be(TimeSpan.FromSeconds(16));
    }

    [Fact]
    public async Task Constructor_RejectsBadTarget()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);

        simulator.Invoking(s => s.ConnectTo(null!)).Should().Throw<ArgumentNullException>();
        simulator.Invoking(s => s.ConnectTo(new Uri("/relative", UriKind.Relative))).Should().Throw<ArgumentException>();
        simulator.Invoking(s => s.ConnectTo(new Uri("ftp://127.0.0.1/x"))).Should().Throw<ArgumentException>();
        simulator.Invoking(s => new CallbackDelivery(Target, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task Factory_CustomizeReturningNull_Throws()
    {
        await using var simulator = new IdaasSimulator(timeProvider: _time);

        var create = () => simulator.CallbackFactory.CreateToken([simulator.Directory.SendTestEvent()], _ => null!, signingKey: null);

        create.Should().Throw<InvalidOperationException>();
    }
}

internal static class SimulatorEventExtensions
{
    public static IReadOnlyList<SimulatorEvent> ToBatch(this SimulatorEvent simulatorEvent) => [simulatorEvent];
}
