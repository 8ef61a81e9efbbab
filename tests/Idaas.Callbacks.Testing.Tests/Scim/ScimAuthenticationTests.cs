using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>The OAuth 2.0 token endpoint and bearer-token checks on the SCIM endpoints.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class ScimAuthenticationTests : IAsyncLifetime
{
    private readonly ScimHarness _harness = new();
    private HttpClient _anonymous = null!;

    public Task InitializeAsync()
    {
        _anonymous = new HttpClient(_harness.Handler, disposeHandler: false) { BaseAddress = _harness.Client.BaseAddress };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _anonymous.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Token_ClientSecretBasic_IssuesBearerToken()
    {
        using var response = await RequestTokenAsync("grant_type=client_credentials", basic: ("client-1", "secret-1"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body["token_type"]!.GetValue<string>().Should().Be("Bearer");
        body["expires_in"]!.GetValue<long>().Should().Be(3600);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await GetUsersAsync(body["access_token"]!.GetValue<string>())).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_ClientSecretPost_IssuesBearerToken()
    {
        using var response = await RequestTokenAsync("grant_type=client_credentials&client_id=client-1&client_secret=secret-1");
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetUsersAsync(token)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_BasicWithEncodedCharacters_IsDecoded()
    {
        _harness.Simulator.Scim.Options.ClientSecret = "s e:c+ret";

        using var response = await RequestTokenAsync("grant_type=client_credentials", basic: ("client-1", Uri.EscapeDataString("s e:c+ret")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("grant_type=client_credentials&client_id=client-1&client_secret=wrong", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials&client_id=other&client_secret=secret-1", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=client_credentials", HttpStatusCode.Unauthorized, "invalid_client")]
    [InlineData("grant_type=password&client_id=client-1&client_secret=secret-1", HttpStatusCode.BadRequest, "unsupported_grant_type")]
    [InlineData("client_id=client-1&client_secret=secret-1", HttpStatusCode.BadRequest, "invalid_request")]
    public async Task Token_Rejected(string form, HttpStatusCode status, string error)
    {
        using var response = await RequestTokenAsync(form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(status);
        body["error"]!.GetValue<string>().Should().Be(error);
    }

    [Fact]
    public async Task Token_WrongBasicSecret_ChallengesBasic()
    {
        using var response = await RequestTokenAsync("grant_type=client_credentials", basic: ("client-1", "wrong"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Single().Scheme.Should().Be("Basic");
    }

    [Fact]
    public async Task Token_Get_Returns405()
    {
        using var response = await _anonymous.GetAsync(new Uri(_harness.Client.BaseAddress!, _harness.Simulator.Scim.TokenPath));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Token_JsonBody_Returns400()
    {
        using var content = new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json");
        using var response = await _anonymous.PostAsync(new Uri(_harness.Client.BaseAddress!, _harness.Simulator.Scim.TokenPath), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Token_ExpiresOnTheFakeClock()
    {
        _harness.Simulator.Scim.Options.TokenLifetime = TimeSpan.FromMinutes(5);
        using var response = await RequestTokenAsync("grant_type=client_credentials&client_id=client-1&client_secret=secret-1");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var token = body["access_token"]!.GetValue<string>();

        _harness.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var beforeExpiry = await GetUsersAsync(token);
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        using var afterExpiry = await SendWithTokenAsync(token);

        body["expires_in"]!.GetValue<long>().Should().Be(300);
        beforeExpiry.Should().Be(HttpStatusCode.OK);
        afterExpiry.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        afterExpiry.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer").And.Contain("invalid_token").And.Contain("expired");
    }

    [Fact]
    public async Task MissingToken_Returns401WithChallenge()
    {
        using var response = await _anonymous.GetAsync("Users");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Single().Scheme.Should().Be("Bearer");
        body["status"]!.GetValue<string>().Should().Be("401");
    }

    [Fact]
    public async Task UnknownToken_Returns401InvalidToken()
    {
        using var response = await SendWithTokenAsync("not-a-token");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
    }

    [Fact]
    public async Task StaticToken_Unset_IsRejected()
    {
        _harness.Simulator.Scim.Options.StaticBearerToken = null;

        var result = await _harness.GetAsync("Users");

        result.Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IssueToken_IsAccepted()
    {
        var token = _harness.Simulator.Scim.IssueToken();

        (await GetUsersAsync(token)).Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("ServiceProviderConfig")]
    [InlineData("ResourceTypes")]
    [InlineData("Schemas")]
    public async Task Discovery_NeedsNoToken(string path)
    {
        using var response = await _anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string form, (string Id, string Secret)? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_harness.Client.BaseAddress!, _harness.Simulator.Scim.TokenPath))
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (basic is { } credentials)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Id}:{credentials.Secret}")));
        }

        return await _anonymous.SendAsync(request);
    }

    private async Task<HttpStatusCode> GetUsersAsync(string token)
    {
        using var response = await SendWithTokenAsync(token);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _anonymous.SendAsync(request);
    }
}
