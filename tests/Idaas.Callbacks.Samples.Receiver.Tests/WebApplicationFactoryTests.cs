using System.Net.Http.Json;
using System.Text.Json;
using Idaas.Callbacks.Samples.Receiver.Tests.Support;
using Idaas.Callbacks.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Samples.Receiver.Tests;

/// <summary>
/// The sample hosted in memory by <see cref="WebApplicationFactory{TEntryPoint}"/>: the simulator delivers through
/// the test server's handler and serves the JWKS through its own in-memory handler, so no socket is opened.
/// </summary>
public sealed class WebApplicationFactoryTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly IdaasSimulator _simulator = new(new SimulatorOptions { EncryptionKeyHex = BusinessDataEncryptor.GenerateHexKey() });
    private WebApplicationFactory<Program>? _factory;

    public Task InitializeAsync()
    {
        // The SDK accepts plain HTTP only on loopback, so the endpoint names 127.0.0.1. The handler serves it in memory.
        var jwksUri = new Uri(new Uri("http://127.0.0.1"), _simulator.Jwks.Path);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Idaas:ApplicationId", _simulator.Options.ApplicationId);
            web.UseSetting("Idaas:InstanceId", _simulator.Options.InstanceId);
            web.UseSetting("Idaas:PublicKeyEndpoint", jwksUri.ToString());
            web.UseSetting("Idaas:EncryptionKey", _simulator.Options.EncryptionKeyHex);
            web.UseSetting("Sample:DatabasePath", _database.DatabasePath);
            web.ConfigureLogging(logging => logging.ClearProviders());
            web.ConfigureTestServices(services =>
            {
                services.AddHttpClient("Idaas.Callbacks.Jwks").ConfigurePrimaryHttpMessageHandler(_simulator.Jwks.CreateHandler);
                services.AddIdaasCallbacks(_ => { }).AddHandledEventTracker();
            });
        });
        _simulator.ConnectTo(new Uri(_factory.Server.BaseAddress, SampleApp.CallbackPath), _factory.Server.CreateHandler());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Delivered_user_is_listed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var alice = _simulator.Directory.CreateUser("alice", "Alice Example", "alice@example.com");
        var bob = _simulator.Directory.CreateUser("bob");
        var bobDeleted = _simulator.Directory.DeleteUser(bob.ObjectId);

        SimulatorChange[] changes = [alice, bob, bobDeleted];
        foreach (var change in changes)
        {
            var result = await _simulator.DeliverAsync(change, timeout.Token);
            result.AllSucceeded.Should().BeTrue();
        }

        var tracker = _factory!.Services.GetRequiredService<HandledEventTracker>();
        await tracker.WaitForEventsAsync(changes.SelectMany(change => change.Events).Select(e => e.EventId), timeout.Token);

        using var client = _factory.CreateClient();
        using var users = await client.GetFromJsonAsync<JsonDocument>("/directory/users", timeout.Token);
        var listed = users!.RootElement.EnumerateArray().ToList();
        listed.Should().ContainSingle();
        listed[0].GetProperty("userId").GetString().Should().Be(alice.ObjectId);
        listed[0].GetProperty("displayName").GetString().Should().Be("Alice Example");
        _simulator.Jwks.RequestCount.Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Same_millisecond_events_apply_in_order()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var directory = _simulator.Directory;
        var created = directory.CreateUser("tie").Events.Single();
        var userId = created.BizId;
        var renamed = directory.UpdateUser(userId, displayName: "Renamed").Events.Single();
        var disabled = directory.DisableUser(userId).Events.Single();
        SimulatorEvent[] batch = [created, renamed with { EventTime = created.EventTime }, disabled with { EventTime = created.EventTime }];

        var result = await _simulator.Delivery!.DeliverAsync(batch, timeout.Token);
        var tracker = _factory!.Services.GetRequiredService<HandledEventTracker>();
        await tracker.WaitForEventsAsync(batch.Select(e => e.EventId), timeout.Token);

        result.AllSucceeded.Should().BeTrue();
        using var client = _factory.CreateClient();
        using var users = await client.GetFromJsonAsync<JsonDocument>("/directory/users", timeout.Token);
        var user = users!.RootElement.EnumerateArray().Should().ContainSingle().Subject;
        user.GetProperty("displayName").GetString().Should().Be("Renamed");
        user.GetProperty("status").GetString().Should().Be("disabled");
    }

    [Fact]
    public async Task Tampered_callback_is_rejected()
    {
        var delivery = _simulator.Delivery!;
        delivery.Options.MaxRetries = 0;
        delivery.Faults.TamperSignature = true;

        var result = await _simulator.DeliverAsync(_simulator.Directory.CreateUser("mallory"));

        var attempt = result.Attempts.Should().ContainSingle().Subject;
        attempt.StatusCode.Should().Be(400);
        attempt.ResponseBody.Should().Contain("InvalidSignature");
    }
}
