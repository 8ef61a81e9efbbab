using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Idaas.Callbacks.Tests.Scim;

/// <summary>
/// An HTTP handler that responds to each request from a per-test script and records what was sent. Nothing leaves
/// the process.
/// </summary>
internal sealed class ScriptedScimHandler(Func<RecordedRequest, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _count;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IReadOnlyList<RecordedRequest> ScimRequests => [.. Requests.Where(request => !request.Path.EndsWith("/oauth2/token", StringComparison.Ordinal))];

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/scim+json")
        => new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Headers.TryGetValues("If-Match", out var ifMatch) ? string.Join(",", ifMatch) : null,
            request.Headers.Accept.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body);
        Requests.Enqueue(recorded);
        return respond(recorded, Interlocked.Increment(ref _count) - 1);
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, string? Authorization, string? IfMatch, string Accept, string? ContentType, string? Body)
{
    public string Path => Uri.AbsolutePath;

    public string Query => Uri.UnescapeDataString(Uri.Query);
}
