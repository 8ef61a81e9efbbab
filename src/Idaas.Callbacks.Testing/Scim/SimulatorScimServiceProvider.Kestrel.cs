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

    // Created by the constructor, because it serves this provider's ServeAsync.
    private readonly LoopbackServerHost _host;

    /// <summary>
    /// Gets the absolute SCIM base URL on 127.0.0.1, such as <c>http://127.0.0.1:50123/v2/idaas_x/app_y/scim</c>, or
    /// <see langword="null"/> before <see cref="StartServerAsync"/> completes and after <see cref="StopServerAsync"/>.
    /// </summary>
    public Uri? BaseUri => _host.Address is { } address ? new Uri(address, BasePath) : null;

    /// <summary>Gets the absolute token endpoint URL on 127.0.0.1, or <see langword="null"/> when not serving.</summary>
    public Uri? TokenUri => _host.Address is { } address ? new Uri(address, TokenPath) : null;

    /// <summary>Starts Kestrel on 127.0.0.1 with a port the operating system picks, serving plain HTTP.</summary>
    /// <param name="cancellationToken">Ends the start-up.</param>
    /// <returns>The SCIM base URL; the token endpoint is at <see cref="TokenUri"/>.</returns>
    /// <exception cref="InvalidOperationException">The server is already started.</exception>
    /// <exception cref="ObjectDisposedException">The provider is disposed.</exception>
    public async Task<Uri> StartServerAsync(CancellationToken cancellationToken = default)
    {
        var address = await _host.StartAsync(
            running => $"The SCIM service provider is already serving {new Uri(running, BasePath)}. Call StopServerAsync() before starting it again.",
            cancellationToken).ConfigureAwait(false);
        return new Uri(address, BasePath);
    }

    /// <summary>Stops Kestrel. Does nothing when the server is not started.</summary>
    /// <param name="cancellationToken">Ends the wait for requests in flight.</param>
    /// <returns>A task that completes when Kestrel has stopped.</returns>
    public Task StopServerAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    /// <summary>Stops Kestrel if it runs.</summary>
    /// <returns>A task that completes when the provider is disposed.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

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
