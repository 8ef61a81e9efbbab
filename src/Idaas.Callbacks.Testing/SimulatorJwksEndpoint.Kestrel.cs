using Idaas.Callbacks.Testing.Internal;
using Microsoft.AspNetCore.Http;

namespace Idaas.Callbacks.Testing;

/// <content>Serving the JWKS over HTTP with Kestrel on 127.0.0.1.</content>
public sealed partial class SimulatorJwksEndpoint
{
    // Created by the constructor, because it serves this endpoint's ServeAsync.
    private readonly LoopbackServerHost _host;

    /// <summary>
    /// Gets the absolute URL of the JWKS on 127.0.0.1, or <see langword="null"/> before <see cref="StartAsync"/>
    /// completes and after <see cref="StopAsync"/>.
    /// </summary>
    public Uri? JwksUri => _host.Address is { } address ? new Uri(address, Path) : null;

    /// <summary>
    /// Starts Kestrel on 127.0.0.1 with a port the operating system picks, serving plain HTTP. The SDK accepts
    /// plain HTTP for a Public Key Endpoint only on loopback hosts, which this is.
    /// </summary>
    /// <param name="cancellationToken">Ends the start-up.</param>
    /// <returns>The URL of the JWKS, such as <c>http://127.0.0.1:50123/v2/idaas_x/app_y/provisioning/jwks</c>.</returns>
    /// <exception cref="InvalidOperationException">The endpoint is already started.</exception>
    /// <exception cref="ObjectDisposedException">The endpoint is disposed.</exception>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        var address = await _host.StartAsync(
            running => $"The JWKS endpoint is already serving {new Uri(running, Path)}. Call StopAsync() before starting it again.",
            cancellationToken).ConfigureAwait(false);
        return new Uri(address, Path);
    }

    /// <summary>
    /// Stops Kestrel. Requests held by <see cref="JwksFault.Hang"/> end first, without a response. Does nothing
    /// when the endpoint is not started.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait for other requests in flight.</param>
    /// <returns>A task that completes when Kestrel has stopped.</returns>
    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>Stops Kestrel if it runs and ends any requests held by <see cref="JwksFault.Hang"/>.</summary>
    /// <returns>A task that completes when the endpoint is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);

        // Requests held through the in-memory handler end too.
        await Volatile.Read(ref _stopping).CancelAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the requests held by <see cref="JwksFault.Hang"/>, which would otherwise keep Kestrel's graceful shutdown waiting until its timeout.</summary>
    private async Task EndHeldRequestsAsync()
    {
        var stopping = Interlocked.Exchange(ref _stopping, new CancellationTokenSource());
        await stopping.CancelAsync().ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context)
    {
        Internal.SimulatedJwksResponse response;
        try
        {
            response = await RespondAsync(context.Request.Method, context.Request.Path.Value ?? "/", context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A held request ended because the client canceled it or the endpoint is stopping, so abort without a response.
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = "GET";
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
