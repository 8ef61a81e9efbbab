using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Tests.Keys;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a dynamic port, shared by the tests of one class. Each test registers
/// handlers under its own paths and reads how often each path was requested.
/// </summary>
public sealed class JwksTestServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Port => BaseAddress.Port;

    /// <summary>Serves <paramref name="handler"/> at a new path and returns the full URL.</summary>
    public Uri Map(RequestDelegate handler)
    {
        var path = $"/{Guid.NewGuid():N}/jwks";
        _routes[path] = handler;
        return new Uri(BaseAddress, path);
    }

    /// <summary>Replaces the handler of a path returned by <see cref="Map"/>.</summary>
    public void Remap(Uri url, RequestDelegate handler) => _routes[url.AbsolutePath] = handler;

    public int Hits(Uri url) => _hits.TryGetValue(url.AbsolutePath, out var hits) ? hits : 0;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            _hits.AddOrUpdate(path, 1, (_, hits) => hits + 1);
            if (_routes.TryGetValue(path, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
