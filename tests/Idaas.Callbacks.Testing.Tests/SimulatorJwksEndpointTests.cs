using System.Net;
using System.Text.Json;

namespace Idaas.Callbacks.Testing.Tests;

public sealed class SimulatorJwksEndpointTests : IDisposable
{
    private const string InstanceId = "idaas_simtenant01";
    private const string ApplicationId = "app_simapp01";
    private const string JwksPath = "/v2/idaas_simtenant01/app_simapp01/provisioning/jwks";

    private readonly SimulatorSigningKeys _keys = new();
    private readonly SimulatorJwksEndpoint _endpoint;
    private readonly HttpClient _client;

    public SimulatorJwksEndpointTests()
    {
        _endpoint = new SimulatorJwksEndpoint(_keys, InstanceId, ApplicationId);
        _client = new HttpClient(_endpoint.CreateHandler()) { BaseAddress = new Uri("https://eiam-api-cn-hangzhou.aliyuncs.com") };
    }

    public void Dispose()
    {
        _client.Dispose();
        _keys.Dispose();
    }

    [Fact]
    public void Path_HasIdaasShape()
    {
        _endpoint.Path.Should().Be(JwksPath);
    }

    [Fact]
    public async Task Handler_ServesPublishedKeys()
    {
        using var response = await _client.GetAsync(JwksPath);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be(_keys.ToJwksJson());
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Handler_ShowsRotationInNextResponse()
    {
        var first = _keys.Current;
        var second = _keys.Rotate();

        var json = await _client.GetStringAsync(JwksPath);

        json.Should().Contain(second.KeyId);
        json.Should().NotContain(first.KeyId);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/v2/idaas_simtenant01/app_other/provisioning/jwks")]
    [InlineData("/v2/idaas_other/app_simapp01/provisioning/jwks")]
    [InlineData("/v2/idaas_simtenant01/app_simapp01/provisioning/jwks/")]
    [InlineData("/V2/idaas_simtenant01/app_simapp01/provisioning/jwks")]
    [InlineData("/v2/idaas_simtenant01/app_simapp01/provisioning")]
    public async Task Handler_OtherPath_Returns404(string path)
    {
        using var response = await _client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _endpoint.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Handler_QueryString_StillMatches()
    {
        using var response = await _client.GetAsync(JwksPath + "?refresh=1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Handler_Post_Returns405()
    {
        using var response = await _client.PostAsync(JwksPath, new StringContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.Should().Equal("GET");
        _endpoint.RequestCount.Should().Be(1);
    }

    [Theory]
    [InlineData(JwksFault.ServerError, HttpStatusCode.InternalServerError, "text/html", "<!DOCTYPE html>")]
    [InlineData(JwksFault.HtmlPage, HttpStatusCode.OK, "text/html", "<!DOCTYPE html>")]
    [InlineData(JwksFault.EmptyKeySet, HttpStatusCode.OK, "application/json", """{"keys":[]}""")]
    [InlineData(JwksFault.Garbage, HttpStatusCode.OK, "application/json", """{"keys":"oops"}""")]
    public async Task Handler_Fault_ServesFaultResponse(JwksFault fault, HttpStatusCode status, string mediaType, string bodyStart)
    {
        _endpoint.Fault = fault;

        using var response = await _client.GetAsync(JwksPath);

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        (await response.Content.ReadAsStringAsync()).Should().StartWith(bodyStart);
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Handler_HtmlPage_IsLoginForm()
    {
        _endpoint.Fault = JwksFault.HtmlPage;

        var body = await _client.GetStringAsync(JwksPath);

        body.Should().Contain("type=\"password\"");
    }

    [Fact]
    public async Task Handler_FaultCleared_ServesKeysAgain()
    {
        _endpoint.Fault = JwksFault.ServerError;
        using var failed = await _client.GetAsync(JwksPath);

        _endpoint.Fault = JwksFault.None;
        using var recovered = await _client.GetAsync(JwksPath);

        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        recovered.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await recovered.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("keys").GetArrayLength().Should().Be(1);
        _endpoint.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task Handler_Hang_WaitsUntilCanceled()
    {
        _endpoint.Fault = JwksFault.Hang;
        using var cancellation = new CancellationTokenSource();

        var request = _client.GetAsync(JwksPath, cancellation.Token);
        var early = await Task.WhenAny(request, Task.Delay(TimeSpan.FromMilliseconds(200)));
        await cancellation.CancelAsync();

        early.Should().NotBeSameAs(request);
        var waiting = async () => await request;
        await waiting.Should().ThrowAsync<OperationCanceledException>();
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public void Fault_UndefinedValue_Throws()
    {
        var setting = () => _endpoint.Fault = (JwksFault)42;

        setting.Should().Throw<ArgumentOutOfRangeException>();
        _endpoint.Fault.Should().Be(JwksFault.None);
    }

    [Theory]
    [InlineData("", ApplicationId)]
    [InlineData(" ", ApplicationId)]
    [InlineData("idaas/x", ApplicationId)]
    [InlineData(InstanceId, "app x")]
    [InlineData(InstanceId, "app?x")]
    public void Constructor_InvalidId_Throws(string instanceId, string applicationId)
    {
        var creating = () => new SimulatorJwksEndpoint(_keys, instanceId, applicationId);

        creating.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Constructor_NullKeys_Throws()
    {
        var creating = () => new SimulatorJwksEndpoint(null!, InstanceId, ApplicationId);

        creating.Should().Throw<ArgumentNullException>().WithParameterName("keys");
    }
}
