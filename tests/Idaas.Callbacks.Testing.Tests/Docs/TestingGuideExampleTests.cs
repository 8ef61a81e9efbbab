using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests.Docs;

// Every code block of docs/testing-with-the-simulator.md is a part of this file, and GuideSnippetTests checks that
// they stay in step.
public sealed class TestingGuideExampleTests
{
    // Guards every wait against a hang. No test relies on it expiring.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static async Task<WebApplication> StartReceiverAsync(
        IdaasSimulator simulator, Uri jwksUri, Action<WebApplicationBuilder>? configure = null)
    {
        var app = ReceiverApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Idaas:Callbacks:ApplicationId"] = simulator.Options.ApplicationId,
                ["Idaas:Callbacks:InstanceId"] = simulator.Options.InstanceId,
                ["Idaas:Callbacks:PublicKeyEndpoint"] = jwksUri.ToString(),
                ["Idaas:Callbacks:EncryptionKey"] = simulator.Options.EncryptionKeyHex,
            });

            // A second AddIdaasCallbacks call returns the builder without registering the services again.
            // The tracker goes last, after the app's handlers.
            builder.Services.AddIdaasCallbacks(_ => { }).AddHandledEventTracker();
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return app;
    }

    private static Uri CallbackUri(WebApplication app) => new(new Uri(app.Urls.Single()), "/idaas/callbacks");

    [Fact]
    public async Task Directory_changes_reach_the_app()
    {
        await using var simulator = new IdaasSimulator(new SimulatorOptions
        {
            EncryptionKeyHex = BusinessDataEncryptor.GenerateHexKey(),
        });
        var jwksUri = await simulator.StartJwksServerAsync();
        await using var app = await StartReceiverAsync(simulator, jwksUri);
        simulator.ConnectTo(CallbackUri(app));
        using var timeout = new CancellationTokenSource(Timeout);

        var directory = simulator.Directory;
        var alice = directory.CreateUser("alice", "Alice", "alice@example.com");
        var bob = directory.CreateUser("bob");
        SimulatorChange[] changes =
        [
            alice,
            bob,
            directory.UpdateUser(alice.ObjectId, username: "alice.smith"),
            directory.DeleteUser(bob.ObjectId),
        ];
        foreach (var change in changes)
        {
            await simulator.DeliverAsync(change, timeout.Token);
        }

        await simulator.WaitUntilSettledAsync(timeout.Token);
        var tracker = app.Services.GetRequiredService<HandledEventTracker>();
        await tracker.WaitForEventsAsync(changes.SelectMany(c => c.Events).Select(e => e.EventId), timeout.Token);

        var users = app.Services.GetRequiredService<UserDirectory>().Users;
        users.Should().ContainSingle();
        users[alice.ObjectId].Should().Be("alice.smith");
        var log = simulator.Delivery!.Log;
        log.Should().HaveCount(4);
        log.Should().OnlyContain(result => result.AllSucceeded && result.Attempts.Count == 1);
        tracker.DeadLetteredEventIds.Should().BeEmpty();
    }

    /// <summary>A receiver that accepts the request but never responds.</summary>
    private sealed class SilentReceiver : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Not reached: the delay ends only by cancellation.");
        }
    }

    [Fact]
    public async Task Silent_receiver_is_retried_five_times()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var simulator = new IdaasSimulator(timeProvider: time);
        using var receiver = new SilentReceiver();
        var delivery = simulator.ConnectTo(new Uri("http://receiver.test/idaas/callbacks"), receiver);
        var change = simulator.Directory.CreateUser("alice");

        var result = await time.RunUntilCompletedAsync(() => simulator.DeliverAsync(change));

        result.Attempts.Should().HaveCount(6);
        result.Attempts.Should().OnlyContain(attempt => attempt.TimedOut && attempt.Latency >= TimeSpan.FromSeconds(10));
        for (var retry = 1; retry < result.Attempts.Count; retry++)
        {
            // Default schedule: each attempt waits 10 s for a response, and retry n waits 1, 2, 4, 8 or 16 s before it.
            var gap = result.Attempts[retry].StartedAt - result.Attempts[retry - 1].StartedAt;
            gap.Should().BeGreaterThanOrEqualTo(delivery.Options.Timeout + delivery.Options.GetRetryDelay(retry));
        }

        result.Outcomes[change.Events.Single().EventId].Should().Be(DeliveryEventOutcome.GaveUp);
        delivery.GetStatistics().TimedOut.Should().Be(6);
    }

    [Fact]
    public async Task Delayed_duplicate_is_handled_once()
    {
        // The app checks token times against the system clock, so the fake clock starts at the real time.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var simulator = new IdaasSimulator(timeProvider: time);
        var jwksUri = await simulator.StartJwksServerAsync();
        await using var app = await StartReceiverAsync(simulator, jwksUri);
        var delivery = simulator.ConnectTo(CallbackUri(app));
        delivery.Faults.Delay = TimeSpan.FromSeconds(5);
        delivery.Faults.DuplicateDelivery = true;
        var alice = simulator.Directory.CreateUser("alice");
        using var timeout = new CancellationTokenSource(Timeout);

        var delivering = simulator.DeliverAsync(alice, timeout.Token);
        time.Advance(TimeSpan.FromSeconds(5));
        await simulator.WaitUntilSettledAsync(timeout.Token);
        var result = await delivering;

        var eventId = alice.Events.Single().EventId;
        result.Attempts.Should().HaveCount(2);
        result.Attempts[1].IsDuplicate.Should().BeTrue();
        result.Attempts[1].Acknowledgement[eventId].EventMessage.Should().Be("duplicate");
        result.AllSucceeded.Should().BeTrue();
        var tracker = app.Services.GetRequiredService<HandledEventTracker>();
        await tracker.WaitForEventAsync(eventId, timeout.Token);
        tracker.HandledCount.Should().Be(1);
    }

    [Fact]
    public async Task Tampered_token_is_rejected()
    {
        await using var simulator = new IdaasSimulator();
        var jwksUri = await simulator.StartJwksServerAsync();
        await using var app = await StartReceiverAsync(simulator, jwksUri);
        var delivery = simulator.ConnectTo(CallbackUri(app), options: new CallbackDeliveryOptions { MaxRetries = 0 });
        delivery.Faults.TamperSignature = true;

        var result = await simulator.DeliverAsync(simulator.Directory.CreateUser("mallory"));

        var attempt = result.Attempts.Should().ContainSingle().Subject;
        attempt.StatusCode.Should().Be(400);
        attempt.ResponseBody.Should().Contain("InvalidSignature");
        result.AnyGaveUp.Should().BeTrue();
        app.Services.GetRequiredService<UserDirectory>().Users.Should().BeEmpty();
    }

    [Fact]
    public async Task Rotated_key_is_fetched_on_first_use()
    {
        await using var simulator = new IdaasSimulator();
        var jwksUri = await simulator.StartJwksServerAsync();
        await using var app = await StartReceiverAsync(simulator, jwksUri, builder =>
            builder.Services.AddIdaasCallbacks(options =>
            {
                options.SigningKeys.PrefetchOnStartup = false;
                options.SigningKeys.RefreshCooldown = TimeSpan.Zero;
            }));
        simulator.ConnectTo(CallbackUri(app));

        var before = await simulator.DeliverAsync(simulator.Directory.CreateUser("alice"));
        var newKey = simulator.Keys.Rotate();
        var after = await simulator.DeliverAsync(simulator.Directory.CreateUser("bob"));

        before.AllSucceeded.Should().BeTrue();
        after.AllSucceeded.Should().BeTrue();
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(after.Attempts.Single().Token.Split('.')[0]));
        header.RootElement.GetProperty("kid").GetString().Should().Be(newKey.KeyId);
        simulator.Jwks.RequestCount.Should().Be(2, "the first callback and the new kid each fetch the JWKS");
    }

    [Fact]
    public async Task Rotation_within_cooldown_is_rejected()
    {
        await using var simulator = new IdaasSimulator();
        var jwksUri = await simulator.StartJwksServerAsync();
        await using var app = await StartReceiverAsync(simulator, jwksUri, builder =>
            builder.Services.AddIdaasCallbacks(options => options.SigningKeys.PrefetchOnStartup = false));
        simulator.ConnectTo(CallbackUri(app), options: new CallbackDeliveryOptions { MaxRetries = 0 });

        var before = await simulator.DeliverAsync(simulator.Directory.CreateUser("alice"));
        simulator.Keys.Rotate();
        var after = await simulator.DeliverAsync(simulator.Directory.CreateUser("bob"));

        before.AllSucceeded.Should().BeTrue("the first callback fetches the JWKS and starts the 30 s cooldown");
        var attempt = after.Attempts.Should().ContainSingle().Subject;
        attempt.StatusCode.Should().Be(503);
        attempt.ResponseBody.Should().Contain("UnknownKey");
    }

    [Fact]
    public async Task Failing_jwks_endpoint_returns_503()
    {
        await using var simulator = new IdaasSimulator();
        var jwksUri = await simulator.StartJwksServerAsync();
        simulator.Jwks.Fault = JwksFault.ServerError;
        await using var app = await StartReceiverAsync(simulator, jwksUri);
        simulator.ConnectTo(CallbackUri(app), options: new CallbackDeliveryOptions { MaxRetries = 0 });

        var result = await simulator.DeliverAsync(simulator.Directory.CreateUser("alice"));

        var attempt = result.Attempts.Should().ContainSingle().Subject;
        attempt.StatusCode.Should().Be(503);
        attempt.ResponseBody.Should().Contain("KeysUnavailable");
    }
}
