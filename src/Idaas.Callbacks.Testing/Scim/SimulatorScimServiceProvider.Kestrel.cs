using System.Text;
using Idaas.Callbacks.Testing.Internal;
using Idaas.Callbacks.Testing.Scim.Internal;
using Microsoft.AspNetCore.Http;

namespace Idaas.Callbacks.Testing.Scim;

/// <content>Serving SCIM and the token endpoint over HTTP with Kestrel on 127.0.0.1.</content>
public sealed partial class SimulatorScimServiceProvider
{
    // Bounds what one request can make the simulator buffer, in memory and on Kestrel.
    private const int MaxRequestBodyBytes = 1024 * 1024;

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private LoopbackServer? _server;
    private Uri? _baseUri;
    private Uri? _tokenUri;
    private bool _disposed;

    /// <summary>
    /// Gets the absolute SCIM base URL on 127.0.0.1, such as <c>http://127.0.0.1:50123/v2/idaas_x/app_y/scim</c>, or
    /// <see langword="null"/> before <see cref="StartServerAsync"/> completes and after <see cref="StopServerAsync"/>.
    /// </summary>
    public Uri? BaseUri => Volatile.Read(ref _baseUri);

    /// <summary>Gets the absolute token endpoint URL on 127.0.0.1, or <see langword="null"/> when not serving.</summary>
    public Uri? TokenUri => Volatile.Read(ref _tokenUri);

    /// <summary>Starts Kestrel on 127.0.0.1 with a port the operating system picks, serving plain HTTP.</summary>
    /// <param name="cancellationToken">Ends the start-up.</param>
    /// <returns>The SCIM base URL; the token endpoint is at <see cref="TokenUri"/>.</returns>
    /// <exception cref="InvalidOperationException">The server is already started.</exception>
    /// <exception cref="ObjectDisposedException">The provider is disposed.</exception>
    public async Task<Uri> StartServerAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_server is not null)
            {
                throw new InvalidOperationException($"The SCIM service provider is already serving {_baseUri}. Call StopServerAsync() before starting it again.");
            }

            var server = await LoopbackServer.StartAsync(ServeAsync, MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
            var baseUri = new Uri(server.Address, BasePath);
            _server = server;
            Volatile.Write(ref _tokenUri, new Uri(server.Address, TokenPath));
            Volatile.Write(ref _baseUri, baseUri);
            return baseUri;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops Kestrel. Does nothing when the server is not started.</summary>
    /// <param name="cancellationToken">Ends the wait for requests in flight.</param>
    /// <returns>A task that completes when Kestrel has stopped.</returns>
    public async Task StopServerAsync(CancellationToken cancellationToken = default)
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

    /// <summary>Stops Kestrel if it runs.</summary>
    /// <returns>A task that completes when the provider is disposed.</returns>
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

        _server = null;
        Volatile.Write(ref _baseUri, null);
        Volatile.Write(ref _tokenUri, null);
        await server.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        string body;
        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var scimRequest = new ScimHttpRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty,
            $"{request.Scheme}://{request.Host}",
            headers,
            body);
        var response = Respond(scimRequest);
        if (response.DropResponse)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
