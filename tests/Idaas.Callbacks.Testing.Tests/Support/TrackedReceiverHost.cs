using System.Net;
using Idaas.Callbacks.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>
/// A receiver app on Kestrel at 127.0.0.1 with a dynamic port: <c>MapIdaasCallbacks</c>, the running dispatcher,
/// and the simulator's JWKS inline, so no key fetch is needed.
/// </summary>
internal sealed class TrackedReceiverHost : IAsyncDisposable
{
    public const string Path = "/idaas/callbacks";

    private readonly WebApplication _app;

    private TrackedReceiverHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public HandledEventTracker Tracker => _app.Services.GetRequiredService<HandledEventTracker>();

    /// <summary>Starts the app, with the handlers and the tracker that <paramref name="configureCallbacks"/> registers.</summary>
    public static async Task<TrackedReceiverHost> StartAsync(
        SimulatorOptions options,
        SimulatorSigningKeys keys,
        Action<IdaasCallbacksBuilder> configureCallbacks,
        Action<IdaasCallbackOptions>? configureOptions = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        configureServices?.Invoke(builder.Services);
        var callbacks = builder.Services.AddIdaasCallbacks(callbackOptions =>
        {
            callbackOptions.ApplicationId = options.ApplicationId;
            callbackOptions.InstanceId = options.InstanceId;
            callbackOptions.JsonWebKeySet = keys.ToJwksJson();
            callbackOptions.EncryptionKey = options.EncryptionKeyHex;
            configureOptions?.Invoke(callbackOptions);
        });
        configureCallbacks(callbacks);

        var app = builder.Build();
        app.MapIdaasCallbacks(Path);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(20) };
        return new TrackedReceiverHost(app, client);
    }

    /// <summary>Posts <paramref name="body"/> as IDaaS does and checks that the receiver returned 200.</summary>
    public async Task PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf-8");
        using var response = await Client.PostAsync(new Uri(Path, UriKind.Relative), content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
