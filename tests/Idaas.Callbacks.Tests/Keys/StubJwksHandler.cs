using System.Net;
using System.Text;

namespace Idaas.Callbacks.Tests.Keys;

/// <summary>
/// In-memory JWKS endpoint that counts its requests. Its response can be changed between requests, held back
/// until a gate opens, or replaced by a hang that lasts until the request is canceled.
/// </summary>
internal sealed class StubJwksHandler : HttpMessageHandler
{
    private readonly SemaphoreSlim _requestArrived = new(0);
    private volatile Func<CancellationToken, Task<HttpResponseMessage>> _respond = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    private int _requestCount;

    public int RequestCount => Volatile.Read(ref _requestCount);

    public void RespondWithJson(string json) => Respond(HttpStatusCode.OK, json, "application/json");

    public void Respond(HttpStatusCode status, string body, string contentType) =>
        _respond = _ => Task.FromResult(CreateResponse(status, body, contentType));

    /// <summary>Holds each response back until <paramref name="gate"/> completes.</summary>
    public void RespondWithJsonAfter(Task gate, string json) => _respond = async cancellationToken =>
    {
        await gate.WaitAsync(cancellationToken);
        return CreateResponse(HttpStatusCode.OK, json, "application/json");
    };

    public void Hang() => _respond = async cancellationToken =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("A hanging request ended without being canceled.");
    };

    public void Throw(Exception exception) => _respond = _ => Task.FromException<HttpResponseMessage>(exception);

    public void RespondWith(Func<CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    /// <summary>Waits until a request arrives that was not yet waited for, for at most 10 seconds of real time.</summary>
    public async Task WaitForRequestAsync()
    {
        var arrived = await _requestArrived.WaitAsync(TimeSpan.FromSeconds(10));
        arrived.Should().BeTrue("the JWKS endpoint should have received a request");
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        _requestArrived.Release();
        var response = await _respond(cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _requestArrived.Dispose();
        }

        base.Dispose(disposing);
    }

    private static HttpResponseMessage CreateResponse(HttpStatusCode status, string body, string contentType) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, contentType),
    };
}
