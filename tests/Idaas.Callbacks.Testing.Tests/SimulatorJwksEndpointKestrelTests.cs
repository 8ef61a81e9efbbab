using System.Net;

namespace Idaas.Callbacks.Testing.Tests;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class SimulatorJwksEndpointKestrelTests : IAsyncLifetime
{
    private readonly SimulatorSigningKeys _keys = new();
    private readonly HttpClient _client = new();
    private SimulatorJwksEndpoint _endpoint = null!;
    private Uri _jwksUri = null!;

    public async Task InitializeAsync()
    {
        _endpoint = new SimulatorJwksEndpoint(_keys, "idaas_simtenant01", "app_simapp01");
        _jwksUri = await _endpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _client.Dispose();
        _keys.Dispose();
    }

    [Fact]
    public void StartAsync_ReturnsLoopbackJwksUri()
    {
        _jwksUri.Scheme.Should().Be("http");
        _jwksUri.Host.Should().Be("127.0.0.1");
        _jwksUri.Port.Should().BeGreaterThan(0);
        _jwksUri.AbsolutePath.Should().Be("/v2/idaas_simtenant01/app_simapp01/provisioning/jwks");
        _endpoint.JwksUri.Should().Be(_jwksUri);
    }

    [Fact]
    public async Task Kestrel_ServesPublishedKeys()
    {
        using var response = await _client.GetAsync(_jwksUri);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be(_keys.ToJwksJson());
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Kestrel_OtherPath_Returns404()
    {
        using var response = await _client.GetAsync(new Uri(_jwksUri, "/v2/idaas_simtenant01/app_other/provisioning/jwks"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _endpoint.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Kestrel_Post_Returns405()
    {
        using var response = await _client.PostAsync(_jwksUri, new StringContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Equal("GET");
    }

    [Theory]
    [InlineData(JwksFault.ServerError, HttpStatusCode.InternalServerError, "text/html", "<!DOCTYPE html>")]
    [InlineData(JwksFault.HtmlPage, HttpStatusCode.OK, "text/html", "<!DOCTYPE html>")]
    [InlineData(JwksFault.EmptyKeySet, HttpStatusCode.OK, "application/json", """{"keys":[]}""")]
    [InlineData(JwksFault.Garbage, HttpStatusCode.OK, "application/json", """{"keys":"oops"}""")]
    public async Task Kestrel_Fault_ServesFaultResponse(JwksFault fault, HttpStatusCode status, string mediaType, string bodyStart)
    {
        _endpoint.Fault = fault;

        using var response = await _client.GetAsync(_jwksUri);

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsStringAsync()).Should().StartWith(bodyStart);
    }

    [Fact]
    public async Task Kestrel_Hang_WaitsUntilCanceled()
    {
        _endpoint.Fault = JwksFault.Hang;
        using var cancellation = new CancellationTokenSource();

        var request = _client.GetAsync(_jwksUri, cancellation.Token);
        var early = await Task.WhenAny(request, Task.Delay(TimeSpan.FromMilliseconds(300)));
        await cancellation.CancelAsync();

        early.Should().NotBeSameAs(request);
        var waiting = async () => await request;
        await waiting.Should().ThrowAsync<OperationCanceledException>();
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task StopAsync_EndsHeldRequest()
    {
        _endpoint.Fault = JwksFault.Hang;
        var request = _client.GetAsync(_jwksUri);
        await WaitForRequestCountAsync(1);

        await _endpoint.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var waiting = async () => await request.WaitAsync(TimeSpan.FromSeconds(10));
        await waiting.Should().ThrowAsync<HttpRequestException>();
        _endpoint.JwksUri.Should().BeNull();
    }

    [Fact]
    public async Task StartAsync_Twice_Throws()
    {
        var starting = () => _endpoint.StartAsync();

        await starting.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already serving*StopAsync*");
    }

    [Fact]
    public async Task StartAsync_AfterStop_ServesAgain()
    {
        await _endpoint.StopAsync();

        var restarted = await _endpoint.StartAsync();
        using var response = await _client.GetAsync(restarted);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task StartAsync_AfterDispose_Throws()
    {
        await _endpoint.DisposeAsync();

        var starting = () => _endpoint.StartAsync();

        await starting.Should().ThrowAsync<ObjectDisposedException>();
    }

    private async Task WaitForRequestCountAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_endpoint.RequestCount < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
