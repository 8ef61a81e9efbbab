using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Testing.Tests.ScimClientIntegration;

/// <summary>The real client against the simulator on Kestrel at 127.0.0.1, authenticated with client credentials.</summary>
public sealed class ScimClientKestrelTests
{
    [Theory]
    [InlineData(ScimClientAuthentication.Basic)]
    [InlineData(ScimClientAuthentication.Post)]
    public async Task ClientCredentials_OneTokenForManyCalls(ScimClientAuthentication authentication)
    {
        await using var harness = new ScimClientHarness();
        var client = await harness.CreateKestrelClientAsync(authentication);

        var user = await client.CreateUserAsync(new ScimUser { UserName = "kestrel@example.test", EnterpriseUser = new ScimEnterpriseUser { Department = "Ops" } });
        var group = await client.CreateGroupAsync(new ScimGroup { DisplayName = "Kestrel", Members = [new ScimMember { Value = user.Id }] });
        var patched = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace("active", false).Build(), user.Meta!.Version);
        var listed = await client.ListUsersAsync(ScimFilter.Eq("userName", "KESTREL@example.test")).ToListAsync();
        var readGroup = await client.GetGroupAsync(group.Id!);
        var config = await client.GetServiceProviderConfigAsync();
        var deleted = await client.DeleteGroupAsync(group.Id!);

        harness.Recorder!.Count("POST", "/oauth2/token").Should().Be(1, "the token is cached for all calls");
        harness.Recorder.Requests.Count.Should().Be(8);
        patched!.Active.Should().BeFalse();
        listed.Should().ContainSingle().Which.EnterpriseUser!.Department.Should().Be("Ops");
        readGroup!.Members.Should().ContainSingle().Which.Value.Should().Be(user.Id);
        config.Etag!.Supported.Should().BeTrue();
        deleted.Should().BeTrue();
    }

    [Fact]
    public async Task ClientCredentials_ExpiredTokenRefreshedOnce()
    {
        await using var harness = new ScimClientHarness();
        harness.Scim.Options.TokenLifetime = TimeSpan.FromMinutes(10);
        var client = await harness.CreateKestrelClientAsync(ScimClientAuthentication.Basic);

        await client.FindUserByUserNameAsync("a@example.test");
        // The client replaces a token 1 minute before it expires.
        harness.Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(1));
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.FindUserByUserNameAsync("b@example.test")));

        harness.Recorder!.Count("POST", "/oauth2/token").Should().Be(2, "the token was replaced once, a margin before it expired, for all concurrent callers");
    }

    [Fact]
    public async Task LostCreate_ConnectionAbortResolved()
    {
        await using var harness = new ScimClientHarness();
        var client = await harness.CreateKestrelClientAsync(ScimClientAuthentication.Post);
        harness.Scim.Faults.DropCreateResponses = 1;

        var user = await client.CreateUserAsync(new ScimUser { UserName = "aborted@example.test" });

        user.Id.Should().NotBeNull();
        harness.Simulator.Directory.UserCount.Should().Be(1);
        harness.Recorder!.Count("POST", "/Users").Should().Be(1);
    }

    [Fact]
    public async Task Throttle_RateLimitOnKestrelNeverSurfaces()
    {
        await using var harness = new ScimClientHarness(serverRequestsPerSecond: 4);
        var client = await harness.CreateKestrelClientAsync(ScimClientAuthentication.Basic, options => options.MaxRetryWait = TimeSpan.FromMinutes(10));
        for (var i = 0; i < 20; i++)
        {
            harness.Simulator.Directory.CreateUser($"k{i:D2}@example.test");
        }

        var users = await client.ListUsersAsync(pageSize: 2).ToListAsync();

        users.Should().HaveCount(20);
        harness.Recorder!.Requests.Count.Should().BeGreaterThan(11, "the simulator answered 429 past 4 requests per second and the client retried");
    }
}
