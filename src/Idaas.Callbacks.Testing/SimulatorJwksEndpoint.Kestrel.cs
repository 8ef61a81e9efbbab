using Idaas.Callbacks.Testing.Internal;
using Microsoft.AspNetCore.Http;

namespace Idaas.Callbacks.Testing;

/// <content>Serving the JWKS over HTTP with Kestrel on 127.0.0.1.</content>
public sealed partial class SimulatorJwksEndpoint
{
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private LoopbackServer? _server;
    private Uri? _jwksUri;
    private bool _disposed;

    /// <summary>
    /// Gets the absolute URL of the JWKS on 127.0.0.1, or <see langword="null"/> before <see cref="StartAsync"/>
    /// completes and after <see cref="StopAsync"/>.
    /// </summary>
    public Uri? JwksUri => Volatile.Read(ref _jwksUri);

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
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_server is not null)
            {
                throw new InvalidOperationException($"The JWKS endpoint is already serving {_jwksUri}. Call StopAsync() before starting it again.");
            }

            var server = await LoopbackServer.StartAsync(ServeAsync, maxRequestBodyBytes: null, cancellationToken).ConfigureAwait(false);
            var jwksUri = new Uri(server.Address, Path);
            _server = server;
            Volatile.Write(ref _jwksUri, jwksUri);
            return jwksUri;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Stops Kestrel. Requests held by <see cref="JwksFault.Hang"/> end first, without a response. Does nothing
    /// when the endpoint is not started.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait for other requests in flight.</param>
    /// <returns>A task that completes when Kestrel has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops Kestrel if it runs and ends any requests held by <see cref="JwksFault.Hang"/>.</summary>
    /// <returns>A task that completes when the endpoint is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await StopCoreAsync(CancellationToken.None).ConfigureAwait(false);
            await Volatile.Read(ref _stopping).CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server)
        {
            return;
        }

        // Held requests would otherwise keep Kestrel's graceful shutdown waiting until its timeout.
        var stopping = Interlocked.Exchange(ref _stopping, new CancellationTokenSource());
        await stopping.CancelAsync().ConfigureAwait(false);
        _server = null;
        Volatile.Write(ref _jwksUri, null);
        await server.StopAsync(cancellationToken).ConfigureAwait(false);
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
