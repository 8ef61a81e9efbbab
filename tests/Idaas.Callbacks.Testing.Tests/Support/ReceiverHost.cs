using System.Collections.Concurrent;
using System.Net;
using Idaas.Callbacks.AspNetCore;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>
/// The SDK's real receiver: a Kestrel host on 127.0.0.1 with a dynamic port that maps <c>MapIdaasCallbacks</c>
/// for the ids of a simulator and fetches its keys from the simulator's JWKS endpoint.
/// </summary>
internal sealed class ReceiverHost : IAsyncDisposable
{
    public const string Path = "/idaas/callbacks";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _contentTypes;

    private ReceiverHost(WebApplication app, Uri callbackUri, ConcurrentQueue<string> contentTypes)
    {
        _app = app;
        CallbackUri = callbackUri;
        _contentTypes = contentTypes;
    }

    /// <summary>Gets the raw <c>Content-Type</c> header of each request, as Kestrel read it from the wire.</summary>
    public IReadOnlyList<string> ReceivedContentTypes => [.. _contentTypes];

    public Uri CallbackUri { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a receiver for <paramref name="simulator"/>, whose JWKS endpoint must already serve over HTTP.</summary>
    public static async Task<ReceiverHost> StartAsync(IdaasSimulator simulator, Action<IdaasCallbackOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = simulator.Options.ApplicationId;
            options.InstanceId = simulator.Options.InstanceId;
            options.PublicKeyEndpoint = simulator.Jwks.JwksUri
                ?? throw new InvalidOperationException("Start the simulator's JWKS server before the receiver.");
            options.EncryptionKey = simulator.Options.EncryptionKeyHex;

            // A token with an unknown kid refreshes the keys at once instead of after the 30 s default cooldown.
            options.SigningKeys.RefreshCooldown = TimeSpan.Zero;
            configure?.Invoke(options);
        }).AddHandler<AcceptingHandler>();

        var app = builder.Build();
        var contentTypes = new ConcurrentQueue<string>();
        app.Use((context, next) =>
        {
            contentTypes.Enqueue(context.Request.Headers.ContentType.ToString());
            return next(context);
        });
        app.MapIdaasCallbacks(Path);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ReceiverHost(app, new Uri(new Uri(address), Path), contentTypes);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A handler for every event type, so the endpoint lists every taken event as successful.</summary>
    private sealed class AcceptingHandler : IIdaasEventHandler<IdaasEvent>
    {
        public Task HandleAsync(IdaasEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
