using System.Net;
using Idaas.Callbacks.Scim;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static Idaas.Callbacks.Tests.Scim.ScriptedScimHandler;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimClientAuthenticationTests
{
    private const string Secret = "s3cr3t-value";

    private static ScimClientOptions CredentialOptions(ScimClientAuthentication authentication = ScimClientAuthentication.Basic) => ScimTestClients.BearerOptions(options =>
    {
        options.BearerToken = null;
        options.ClientCredentials = new ScimClientCredentials
        {
            InstanceId = "idaas_t1",
            ApplicationId = "app_a1",
            ClientId = "client-1",
            ClientSecret = Secret,
            ClientAuthentication = authentication,
        };
    });

    // The index passed to scim counts every request, token requests included.
    private static ScriptedScimHandler TokenServer(Func<int, HttpResponseMessage>? scim = null)
    {
        var tokens = 0;
        return new ScriptedScimHandler((request, index) => request.Path.EndsWith("/oauth2/token", StringComparison.Ordinal)
            ? Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{Interlocked.Increment(ref tokens)}}","token_type":"Bearer","expires_in":3600}""", "application/json")
            : scim?.Invoke(index) ?? Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada")));
    }

    [Fact]
    public async Task Token_IsCachedAcrossRequests()
    {
        var handler = TokenServer();
        using var client = ScimTestClients.Create(handler, CredentialOptions());

        await client.GetUserAsync("u1");
        await client.GetUserAsync("u1");

        var token = handler.Requests.Where(request => request.Path.EndsWith("/oauth2/token", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        token.Path.Should().Be("/v2/idaas_t1/app_a1/oauth2/token");
        token.Authorization.Should().StartWith("Basic ");
        token.Body.Should().Be("grant_type=client_credentials");
        handler.ScimRequests.Select(request => request.Authorization).Should().AllBe("Bearer token-1");
    }

    [Fact]
    public async Task Token_PostAuthentication_SendsSecretInForm()
    {
        var handler = TokenServer();
        using var client = ScimTestClients.Create(handler, CredentialOptions(ScimClientAuthentication.Post));

        await client.GetUserAsync("u1");

        var token = handler.Requests.First();
        token.Authorization.Should().BeNull();
        token.Body.Should().Contain("client_id=client-1").And.Contain("client_secret=" + Secret);
    }

    [Fact]
    public async Task Token_ConcurrentCallers_ShareOneRequest()
    {
        var handler = TokenServer();
        using var client = ScimTestClients.Create(handler, CredentialOptions());

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.GetUserAsync("u1"))));

        handler.Requests.Count(request => request.Path.EndsWith("/oauth2/token", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task Token_RefreshedBeforeExpiry()
    {
        var time = new AutoAdvancingTimeProvider();
        var handler = TokenServer();
        using var client = ScimTestClients.Create(handler, CredentialOptions(), time);

        await client.GetUserAsync("u1");
        time.Advance(TimeSpan.FromMinutes(59.5));
        await client.GetUserAsync("u1");

        handler.ScimRequests.Select(request => request.Authorization).Should().Equal("Bearer token-1", "Bearer token-2");
    }

    [Fact]
    public async Task Unauthorized_RefreshesTokenOnce()
    {
        var handler = TokenServer(index => index == 1 ? new HttpResponseMessage(HttpStatusCode.Unauthorized) : Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada")));
        using var client = ScimTestClients.Create(handler, CredentialOptions());

        (await client.GetUserAsync("u1"))!.Id.Should().Be("u1");

        handler.ScimRequests.Select(request => request.Authorization).Should().Equal("Bearer token-1", "Bearer token-2");
    }

    [Fact]
    public async Task Unauthorized_Twice_Fails()
    {
        var handler = TokenServer(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        using var client = ScimTestClients.Create(handler, CredentialOptions());

        var get = () => client.GetUserAsync("u1");

        (await get.Should().ThrowAsync<ScimException>()).Which.StatusCode.Should().Be(401);
        handler.ScimRequests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Logs_NeverContainTokensOrSecrets()
    {
        var logger = new FakeLogger<ScimClient>(new FakeLogCollector());
        var handler = TokenServer(index => index switch
        {
            1 => new HttpResponseMessage(HttpStatusCode.Unauthorized),
            3 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada")),
        });
        using var client = ScimTestClients.Create(handler, CredentialOptions(), logger: logger);

        await client.GetUserAsync("u1");

        var records = logger.Collector.GetSnapshot();
        records.Should().Contain(record => record.Level == LogLevel.Warning);
        foreach (var record in records)
        {
            record.Message.Should().NotContain("token-").And.NotContain(Secret).And.NotContain("client-1");
        }
    }
}
