using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Testing.Scim;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>The SCIM service and token endpoint served with Kestrel on 127.0.0.1.</summary>
public sealed class ScimKestrelTests
{
    [Fact]
    public async Task Kestrel_TokenThenCreateAndRead()
    {
        await using var harness = new ScimHarness();
        var baseUri = await harness.Simulator.StartScimServerAsync();
        using var client = new HttpClient { BaseAddress = new Uri(baseUri + "/") };

        using var tokenResponse = await client.PostAsync(harness.Simulator.Scim.TokenUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "client-1",
            ["client_secret"] = "secret-1",
        }));
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var created = await ScimHarness.SendAsync(client, HttpMethod.Post, "Users", """{"userName":"rowan"}""");
        var read = await ScimHarness.SendAsync(client, HttpMethod.Get, $"Users/{created.Json["id"]}");
        var list = await ScimHarness.SendAsync(client, HttpMethod.Get, "Users?" + ScimHarness.Filter("userName eq \"ROWAN\""));

        baseUri.Host.Should().Be("127.0.0.1");
        baseUri.AbsolutePath.Should().Be("/v2/idaas_simtenant01/app_simapp01/scim");
        harness.Simulator.Scim.BaseUri.Should().Be(baseUri);
        harness.Simulator.Scim.TokenUri!.AbsolutePath.Should().Be("/v2/idaas_simtenant01/app_simapp01/oauth2/token");
        tokenResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        created.Status.Should().Be(HttpStatusCode.Created);
        created.Response.Headers.Location!.ToString().Should().StartWith(baseUri + "/Users/");
        read.Status.Should().Be(HttpStatusCode.OK);
        read.ETag.Should().Be("W/\"1\"");
        list.Resources.Should().ContainSingle();
        harness.Simulator.Scim.RequestCount.Should().Be(4);
    }

    [Fact]
    public async Task Kestrel_ErrorsKeepHeaders()
    {
        await using var harness = new ScimHarness(requestsPerSecond: 1);
        var baseUri = await harness.Simulator.StartScimServerAsync();
        using var client = new HttpClient { BaseAddress = new Uri(baseUri + "/") };

        var unauthorized = await ScimHarness.SendAsync(client, HttpMethod.Get, "Users");
        var limited = await ScimHarness.SendAsync(client, HttpMethod.Get, "Users");

        unauthorized.Status.Should().Be(HttpStatusCode.Unauthorized);
        unauthorized.Response.Headers.WwwAuthenticate.Should().NotBeEmpty();
        unauthorized.Json["status"]!.GetValue<string>().Should().Be("401");
        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Kestrel_DroppedCreate_AbortsConnection()
    {
        await using var harness = new ScimHarness();
        var baseUri = await harness.Simulator.StartScimServerAsync();
        using var client = new HttpClient { BaseAddress = new Uri(baseUri + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScimHarness.StaticToken);
        harness.Simulator.Scim.Faults.DropCreateResponses = 1;

        var create = () => client.PostAsync("Users", new StringContent("""{"userName":"rowan"}""", Encoding.UTF8, "application/scim+json"));

        await create.Should().ThrowAsync<HttpRequestException>();
        harness.Simulator.Directory.UserCount.Should().Be(1);
    }

    [Fact]
    public async Task StartTwice_Throws_StopThenStartAgain()
    {
        await using var provider = new SimulatorScimServiceProvider(new SimulatorDirectory(new SimulatorOptions()), "idaas_a", "app_b");
        await provider.StartServerAsync();

        var again = () => provider.StartServerAsync();
        await again.Should().ThrowAsync<InvalidOperationException>();
        await provider.StopServerAsync();
        provider.BaseUri.Should().BeNull();
        var restarted = await provider.StartServerAsync();

        restarted.AbsolutePath.Should().Be("/v2/idaas_a/app_b/scim");
    }

    [Fact]
    public async Task Disposed_StartThrows()
    {
        var provider = new SimulatorScimServiceProvider(new SimulatorDirectory(new SimulatorOptions()), "idaas_a", "app_b");
        await provider.DisposeAsync();

        var start = () => provider.StartServerAsync();

        await start.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Theory]
    [InlineData("", "app_b")]
    [InlineData("idaas a", "app_b")]
    [InlineData("idaas_a", "app/b")]
    public void Constructor_RejectsBadIds(string instanceId, string applicationId)
    {
        var create = () => new SimulatorScimServiceProvider(new SimulatorDirectory(new SimulatorOptions()), instanceId, applicationId);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Constructor_RejectsNullDirectory()
    {
        var create = () => new SimulatorScimServiceProvider(null!, "idaas_a", "app_b");

        create.Should().Throw<ArgumentNullException>();
    }
}
