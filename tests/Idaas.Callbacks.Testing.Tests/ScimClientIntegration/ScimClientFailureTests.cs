using System.Globalization;
using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Testing.Tests.ScimClientIntegration;

/// <summary>ETags, throttling, lost creates and error-body variants between the real client and the simulator, in memory.</summary>
public sealed class ScimClientFailureTests
{
    [Fact]
    public async Task ETag_StaleVersionRaisesPreconditionFailed()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var user = await client.CreateUserAsync(new ScimUser { UserName = "etag@example.test", Title = "v1" });
        await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace("title", "v2").Build());
        var current = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace("title", "v3").Build());

        var replace = await FluentActions.Awaiting(() => client.ReplaceUserAsync(user with { Title = "stale" }, "W/\"2\"")).Should().ThrowAsync<ScimPreconditionFailedException>();
        var patch = await FluentActions.Awaiting(() => client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace("title", "stale").Build(), "W/\"2\"")).Should().ThrowAsync<ScimPreconditionFailedException>();
        var delete = await FluentActions.Awaiting(() => client.DeleteUserAsync(user.Id!, "W/\"2\"")).Should().ThrowAsync<ScimPreconditionFailedException>();
        var after = await client.GetUserAsync(user.Id!);

        current!.Meta!.Version.Should().Be("W/\"3\"");
        replace.Which.StatusCode.Should().Be(412);
        patch.Which.StatusCode.Should().Be(412);
        delete.Which.StatusCode.Should().Be(412);
        after!.Title.Should().Be("v3");
        after.Meta!.Version.Should().Be("W/\"3\"");
        harness.Recorder!.Requests.Count(r => r.IfMatch == "W/\"2\"").Should().Be(3, "a 412 is never retried");
    }

    [Fact]
    public async Task ETag_IfNoneMatchReturnsNotModified()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var user = await client.CreateUserAsync(new ScimUser { UserName = "cache@example.test" });
        var group = await client.CreateGroupAsync(new ScimGroup { DisplayName = "Cache" });

        var unchanged = await client.GetUserIfModifiedAsync(user.Id!, user.Meta!.Version!);
        await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace("title", "changed").Build());
        var changed = await client.GetUserIfModifiedAsync(user.Id!, user.Meta.Version!);
        var missing = await client.GetUserIfModifiedAsync("no-such-user", "W/\"1\"");
        var groupUnchanged = await client.GetGroupIfModifiedAsync(group.Id!, group.Meta!.Version!);

        unchanged.Status.Should().Be(ScimReadStatus.NotModified);
        unchanged.Resource.Should().BeNull();
        unchanged.Version.Should().Be("W/\"1\"");
        changed.Status.Should().Be(ScimReadStatus.Found);
        changed.Resource!.Title.Should().Be("changed");
        changed.Version.Should().Be("W/\"2\"");
        missing.Status.Should().Be(ScimReadStatus.NotFound);
        groupUnchanged.Status.Should().Be(ScimReadStatus.NotModified);
        harness.Recorder!.Requests.Count(r => r.IfNoneMatch == "W/\"1\"").Should().Be(4);
    }

    [Fact]
    public async Task Throttle_ServerRateLimitNeverSurfaces()
    {
        await using var harness = new ScimClientHarness(serverRequestsPerSecond: 5);
        var client = harness.CreateClient(options => options.MaxRetryWait = TimeSpan.FromMinutes(10));
        for (var i = 0; i < 30; i++)
        {
            harness.Simulator.Directory.CreateUser($"throttled{i:D2}@example.test");
        }

        var users = await client.ListUsersAsync(pageSize: 2).ToListAsync();

        users.Should().HaveCount(30);
        harness.Scim.RequestCount.Should().BeGreaterThan(15, "the simulator answered 429 to requests past 5 per second");
        harness.Time.WaitsOfAtLeast(TimeSpan.FromSeconds(1)).Should().NotBeEmpty("the client waited for Retry-After");
    }

    [Fact]
    public async Task Throttle_MatchingClientLimitAvoids429()
    {
        await using var harness = new ScimClientHarness(serverRequestsPerSecond: 10);
        var client = harness.CreateClient(options => options.RequestsPerSecond = 10);
        for (var i = 0; i < 60; i++)
        {
            harness.Simulator.Directory.CreateUser($"paced{i:D2}@example.test");
        }

        var users = await client.ListUsersAsync(pageSize: 2).ToListAsync();

        users.Should().HaveCount(60);
        harness.Scim.RequestCount.Should().Be(30, "a client limited to the server's rate sends no request that the server throttles");
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("date", 3)]
    public async Task Throttle_RetryAfterHonoured(string retryAfter, int seconds)
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        harness.Scim.Faults.ThrottleRetryAfter = retryAfter == "date"
            ? harness.Time.GetUtcNow().AddSeconds(seconds).ToString("R", CultureInfo.InvariantCulture)
            : retryAfter;
        harness.Scim.Faults.ThrottleRequests = 1;

        var created = await client.CreateUserAsync(new ScimUser { UserName = "retry@example.test" });

        created.Id.Should().NotBeNull();
        harness.Time.WaitsOfAtLeast(TimeSpan.FromSeconds(1)).Should().ContainSingle().Which.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(seconds - 1));
        harness.Simulator.Directory.UserCount.Should().Be(1);
    }

    [Fact]
    public async Task Throttle_NoRetryAfterBacksOff()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient(options => options.RetryBaseDelay = TimeSpan.FromSeconds(1));
        harness.Scim.Faults.ThrottleRetryAfter = null;
        harness.Scim.Faults.ThrottleRequests = 2;

        var found = await client.FindUserByUserNameAsync("nobody@example.test");

        found.Should().BeNull();
        var waits = harness.Time.WaitsOfAtLeast(TimeSpan.FromMilliseconds(500));
        waits.Should().HaveCount(2);
        waits[1].Should().BeGreaterThan(waits[0] / 2 * 2 - TimeSpan.FromMilliseconds(1), "each retry doubles the base delay before jitter");
    }

    [Fact]
    public async Task Throttle_LongRetryAfterFailsAtOnce()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        harness.Scim.Faults.ThrottleRetryAfter = "86400";
        harness.Scim.Faults.ThrottleRequests = 1;

        var failure = await FluentActions.Awaiting(() => client.GetUserAsync("any")).Should().ThrowAsync<ScimException>();

        failure.Which.StatusCode.Should().Be(429);
        harness.Time.WaitsOfAtLeast(TimeSpan.FromSeconds(1)).Should().BeEmpty();
    }

    [Fact]
    public async Task ServerErrorThrottle_RetriedOnlyWhenTransient()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient(options => options.RetryBaseDelay = TimeSpan.FromMilliseconds(100));
        var strict = harness.CreateClient(options => options.TransientStatusCodes.Clear());
        harness.Scim.Faults.ServerErrorRequests = 1;

        var found = await client.FindUserByUserNameAsync("nobody@example.test");
        harness.Scim.Faults.ServerErrorRequests = 1;
        var failure = await FluentActions.Awaiting(() => strict.FindUserByUserNameAsync("nobody@example.test")).Should().ThrowAsync<ScimException>();

        found.Should().BeNull();
        failure.Which.StatusCode.Should().Be(500);
        failure.Which.Detail.Should().Contain("REQUEST_LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task LostCreate_ResolvedByLookup()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        harness.Scim.Faults.DropCreateResponses = 2;

        var user = await client.CreateUserAsync(new ScimUser { UserName = "lost@example.test" });
        var group = await client.CreateGroupAsync(new ScimGroup { DisplayName = "Lost Group" });

        user.UserName.Should().Be("lost@example.test");
        group.DisplayName.Should().Be("Lost Group");
        harness.Simulator.Directory.UserCount.Should().Be(1);
        harness.Simulator.Directory.GroupCount.Should().Be(1);
        harness.Recorder!.Count("POST", "/Users").Should().Be(1, "the lookup found the user, so the create was not sent again");
        harness.Recorder.Count("GET", "/Users?filter=userName").Should().Be(1);
    }

    [Fact]
    public async Task Conflict_FirstCreateRaisesTypedConflict()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        await client.CreateUserAsync(new ScimUser { UserName = "taken@example.test" });

        var conflict = await FluentActions.Awaiting(() => client.CreateUserAsync(new ScimUser { UserName = "TAKEN@example.test" })).Should().ThrowAsync<ScimConflictException>();

        conflict.Which.StatusCode.Should().Be(409);
        conflict.Which.ScimType.Should().Be(ScimErrorTypes.Uniqueness);
    }

    [Fact]
    public async Task ErrorBodies_VariantsParsed()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        await client.CreateUserAsync(new ScimUser { UserName = "taken@example.test" });
        var duplicate = new ScimUser { UserName = "taken@example.test" };

        harness.Scim.Faults.CapitalizedScimType = true;
        harness.Scim.Faults.NumericErrorStatus = true;
        var capitalized = await FluentActions.Awaiting(() => client.CreateUserAsync(duplicate)).Should().ThrowAsync<ScimConflictException>();
        harness.Scim.Faults.CapitalizedScimType = false;
        harness.Scim.Faults.NumericErrorStatus = false;
        harness.Scim.Faults.NonJsonErrorBodies = true;
        var html = await FluentActions.Awaiting(() => client.CreateUserAsync(duplicate)).Should().ThrowAsync<ScimConflictException>();
        var invalid = await FluentActions.Awaiting(() => client.PatchUserAsync("no-such-user", new ScimPatchBuilder().Replace("title", "x").Build())).Should().ThrowAsync<ScimException>();

        capitalized.Which.ScimType.Should().Be(ScimErrorTypes.Uniqueness);
        capitalized.Which.Error!.Status.Should().Be(409);
        html.Which.StatusCode.Should().Be(409);
        html.Which.Error.Should().BeNull();
        html.Which.ResponseExcerpt.Should().Contain("<");
        invalid.Which.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task EmptyPages_WithoutResourcesAreEmpty()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        harness.Scim.Faults.OmitEmptyResources = true;

        var none = await client.ListUsersAsync().ToListAsync();
        var noGroups = await client.ListGroupsAsync(ScimFilter.Eq("displayName", "none")).ToListAsync();
        var notFound = await client.FindUserByUserNameAsync("nobody@example.test");

        none.Should().BeEmpty();
        noGroups.Should().BeEmpty();
        notFound.Should().BeNull();
    }

    [Fact]
    public async Task Discovery_ReadsAllEndpoints()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();

        var config = await client.GetServiceProviderConfigAsync();
        var types = await client.GetResourceTypesAsync();
        var schemas = await client.GetSchemasAsync();

        config.Patch!.Supported.Should().BeTrue();
        config.Bulk!.Supported.Should().BeFalse();
        config.Filter!.Supported.Should().BeTrue();
        config.Etag!.Supported.Should().BeTrue();
        types.Select(t => t.Name).Should().BeEquivalentTo(["User", "Group"]);
        types.Single(t => t.Name == "User").SchemaExtensions.Should().ContainSingle();
        schemas.Select(s => s.Id).Should().BeEquivalentTo([ScimSchemas.User, ScimSchemas.EnterpriseUser, ScimSchemas.Group]);
    }
}
