using System.Net;
using System.Text;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>Serves HTTP requests in memory with the responses of a <see cref="SimulatorScimServiceProvider"/>.</summary>
internal sealed class ScimHandler(SimulatorScimServiceProvider provider) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : new Uri(new Uri("http://scim.test"), request.RequestUri!);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var body = string.Empty;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers.NonValidated)
            {
                headers[header.Key] = header.Value.ToString();
            }

            body = Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }

        var scimRequest = new ScimHttpRequest(
            request.Method.Method,
            Uri.UnescapeDataString(uri.AbsolutePath),
            uri.Query.TrimStart('?'),
            uri.GetLeftPart(UriPartial.Authority),
            headers,
            body);
        var response = provider.Respond(scimRequest);
        if (response.DropResponse)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The simulated SCIM service committed the request and then dropped the response (ScimFaults.DropCreateResponses).");
        }

        var message = new HttpResponseMessage((HttpStatusCode)response.Status) { RequestMessage = request };
        if (response.ContentType is not null)
        {
            message.Content = new StringContent(response.Body, Encoding.UTF8);
            message.Content.Headers.Remove("Content-Type");
            message.Content.Headers.TryAddWithoutValidation("Content-Type", response.ContentType);
        }

        foreach (var (name, value) in response.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
