using Microsoft.AspNetCore.Http;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>
/// The start, stop and dispose life cycle of one <see cref="LoopbackServer"/> that an owner, such as the JWKS endpoint
/// or the SCIM service provider, starts and stops on request. Calls run one at a time. Thread-safe.
/// </summary>
internal sealed class LoopbackServerHost : IAsyncDisposable
{
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly object _owner;
    private readonly RequestDelegate _serve;
    private readonly long? _maxRequestBodyBytes;
    private readonly Func<Task>? _beforeStop;
    private LoopbackServer? _server;
    private bool _disposed;

    /// <summary>Creates a host that is not serving yet.</summary>
    /// <param name="owner">The object named in <see cref="ObjectDisposedException"/> after <see cref="DisposeAsync"/>.</param>
    /// <param name="serve">Handles each request.</param>
    /// <param name="maxRequestBodyBytes">Kestrel's request body limit, or <see langword="null"/> for its default.</param>
    /// <param name="beforeStop">Runs before a running server stops, for example to end requests the owner holds.</param>
    public LoopbackServerHost(object owner, RequestDelegate serve, long? maxRequestBodyBytes, Func<Task>? beforeStop = null)
    {
        _owner = owner;
        _serve = serve;
        _maxRequestBodyBytes = maxRequestBodyBytes;
        _beforeStop = beforeStop;
    }

    /// <summary>Gets the server's root address, or <see langword="null"/> when it is not serving.</summary>
    public Uri? Address => Volatile.Read(ref _server)?.Address;

    /// <summary>Starts the server on 127.0.0.1 with a port the operating system picks.</summary>
    /// <param name="alreadyStartedMessage">Writes the message for a second start from the running server's address.</param>
    /// <param name="cancellationToken">Ends the start-up.</param>
    /// <returns>The server's root address.</returns>
    /// <exception cref="InvalidOperationException">The server is already started.</exception>
    /// <exception cref="ObjectDisposedException">The host is disposed.</exception>
    public async Task<Uri> StartAsync(Func<Uri, string> alreadyStartedMessage, CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
            if (_server is { } running)
            {
                throw new InvalidOperationException(alreadyStartedMessage(running.Address));
            }

            var server = await LoopbackServer.StartAsync(_serve, _maxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _server, server);
            return server.Address;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the server. Does nothing when it is not serving.</summary>
    /// <param name="cancellationToken">Ends the wait for requests in flight.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
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

    /// <summary>Stops the server if it runs; later starts throw <see cref="ObjectDisposedException"/>.</summary>
    /// <returns>A task that completes when the host is disposed.</returns>
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

        if (_beforeStop is not null)
        {
            await _beforeStop().ConfigureAwait(false);
        }

        Volatile.Write(ref _server, null);
        await server.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
