using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>
/// Kestrel on 127.0.0.1 with a port the operating system picks, serving plain HTTP with one request delegate:
/// the HTTP side of the simulator's JWKS endpoint and SCIM service provider.
/// </summary>
internal sealed class LoopbackServer
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the server's root address, such as <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server that passes every request to <paramref name="serve"/>.</summary>
    /// <param name="serve">Handles each request.</param>
    /// <param name="maxRequestBodyBytes">Kestrel's request body limit, or <see langword="null"/> for its default.</param>
    /// <param name="cancellationToken">Ends the start-up.</param>
    /// <returns>The started server.</returns>
    public static async Task<LoopbackServer> StartAsync(RequestDelegate serve, long? maxRequestBodyBytes, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            if (maxRequestBodyBytes is { } limit)
            {
                kestrel.Limits.MaxRequestBodySize = limit;
            }
        });
        var app = builder.Build();
        app.Run(serve);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, new Uri(address));
    }

    /// <summary>Stops Kestrel, waiting for requests in flight until <paramref name="cancellationToken"/> fires, and releases it.</summary>
    /// <param name="cancellationToken">Ends the wait for requests in flight.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
