using System.Net;
using System.Text;
using System.Text.Json;
using Idaas.Callbacks.Acknowledgement;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>A request received by <see cref="RecordingHandler"/>: what went on the wire, read before responding.</summary>
internal sealed record RecordedRequest(string Method, Uri? Uri, string? ContentType, string Body, DateTimeOffset ReceivedAt)
{
    /// <summary>The compact JWS of the body's <c>event</c> member.</summary>
    public string Token => JsonDocument.Parse(Body).RootElement.GetProperty("event").GetString()!;

    /// <summary>The JSON payload of <see cref="Token"/>.</summary>
    public JsonElement Payload => JsonDocument.Parse(Convert.FromBase64String(ToBase64(Token.Split('.')[1]))).RootElement;

    /// <summary>The event ids in the payload's <c>plainData.eventData</c>.</summary>
    public IReadOnlyList<string> EventIds
    {
        get
        {
            var eventData = Payload.GetProperty("plainData").GetProperty("eventData").GetString()!;
            return [.. JsonDocument.Parse(eventData).RootElement.EnumerateArray().Select(e => e.GetProperty("eventId").GetString()!)];
        }
    }

    /// <summary>The <c>kid</c> of the token header.</summary>
    public string? HeaderKeyId => JsonDocument.Parse(Convert.FromBase64String(ToBase64(Token.Split('.')[0]))).RootElement.GetProperty("kid").GetString();

    /// <summary>Converts base64url text to padded base64.</summary>
    public static string ToBase64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}

/// <summary>
/// An in-memory receiver that records every request and responds through a function of the request and its
/// number, by default a 200 acknowledgement that lists every event as successful.
/// </summary>
internal sealed class RecordingHandler(TimeProvider timeProvider, Func<RecordedRequest, int, CancellationToken, Task<HttpResponseMessage>>? respond = null) : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Returns a 200 acknowledgement that puts every event id into the list <paramref name="listOf"/> chooses.</summary>
    public static HttpResponseMessage Acknowledge(RecordedRequest request, Func<string, string> listOf)
    {
        var acknowledgement = new CallbackAcknowledgement();
        foreach (var eventId in request.EventIds)
        {
            switch (listOf(eventId))
            {
                case "success":
                    acknowledgement.AddSuccess(eventId);
                    break;
                case "skipped":
                    acknowledgement.AddSkipped(eventId);
                    break;
                case "failed":
                    acknowledgement.AddFailed(eventId);
                    break;
                case "retried":
                    acknowledgement.AddRetried(eventId);
                    break;
                default:
                    break;
            }
        }

        return Json(HttpStatusCode.OK, Encoding.UTF8.GetString(acknowledgement.ToUtf8Json()));
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The non-validated view returns the value as it would be written, without parsing it into a normalized form.
        var contentType = request.Content?.Headers.NonValidated.TryGetValues("Content-Type", out var values) == true ? values.ToString() : null;

        // Read as bytes, because ReadAsStringAsync parses Content-Type to find the charset, which normalizes the header.
        var body = request.Content is null ? string.Empty : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        var recorded = new RecordedRequest(request.Method.Method, request.RequestUri, contentType, body, timeProvider.GetUtcNow());
        int number;
        lock (_lock)
        {
            _requests.Add(recorded);
            number = _requests.Count;
        }

        return respond is null
            ? Acknowledge(recorded, _ => "success")
            : await respond(recorded, number, cancellationToken);
    }
}
