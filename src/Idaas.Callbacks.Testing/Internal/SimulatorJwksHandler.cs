using System.Net;
using System.Text;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>Serves HTTP requests in memory with the responses of a <see cref="SimulatorJwksEndpoint"/>.</summary>
internal sealed class SimulatorJwksHandler(SimulatorJwksEndpoint endpoint) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString ?? "/";
        var response = await endpoint.RespondAsync(request.Method.Method, path, cancellationToken).ConfigureAwait(false);

        var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode) { RequestMessage = request };
        if (response.ContentType is not null)
        {
            message.Content = new StringContent(response.Body, Encoding.UTF8);
            message.Content.Headers.Remove("Content-Type");
            message.Content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
        }

        if (response.StatusCode == (int)HttpStatusCode.MethodNotAllowed)
        {
            message.Content ??= new ByteArrayContent([]);
            message.Content.Headers.Allow.Add("GET");
        }

        return message;
    }
}
