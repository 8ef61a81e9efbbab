using System.Net;
using Idaas.Callbacks.Scim;
using static Idaas.Callbacks.Tests.Scim.ScriptedScimHandler;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimClientRetryTests
{
    [Fact]
    public async Task Throttled_RetryAfterSeconds_IsHonoured()
    {
        var time = new AutoAdvancingTimeProvider();
        var handler = new ScriptedScimHandler((_, index) =>
        {
            if (index > 0)
            {
                return Json(HttpStatusCode.Created, ScimTestClients.User("u1", "ada"));
            }

            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.Add("Retry-After", "2");
            return throttled;
        });
        using var client = ScimTestClients.Create(handler, time: time);

        var user = await client.CreateUserAsync(new ScimUser { UserName = "ada" });

        user.Id.Should().Be("u1");
        handler.Requests.Should().HaveCount(2);
        time.RetryWaits.Should().Equal(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Throttled_RetryAfterDate_IsHonoured()
    {
        var time = new AutoAdvancingTimeProvider();
        var handler = new ScriptedScimHandler((_, index) =>
        {
            if (index > 0)
            {
                return Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada"));
            }

            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.Add("Retry-After", time.GetUtcNow().AddSeconds(3).ToString("R"));
            return throttled;
        });
        using var client = ScimTestClients.Create(handler, time: time);

        await client.GetUserAsync("u1");

        time.RetryWaits.Should().ContainSingle().Which.Should().BeCloseTo(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Throttled_WithoutRetryAfter_BacksOffExponentially()
    {
        var time = new AutoAdvancingTimeProvider();
        var handler = new ScriptedScimHandler((_, index) => index < 3 ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) : Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada")));
        using var client = ScimTestClients.Create(handler, time: time);

        await client.GetUserAsync("u1");

        var waits = time.RetryWaits;
        waits.Should().HaveCount(3);
        waits[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        waits[1].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
        waits[2].Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task RetryAfterBeyondBudget_FailsWithoutWaiting()
    {
        var time = new AutoAdvancingTimeProvider();
        var handler = new ScriptedScimHandler((_, _) =>
        {
            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.Add("Retry-After", "86400");
            return throttled;
        });
        using var client = ScimTestClients.Create(handler, time: time);

        var get = () => client.GetUserAsync("u1");

        (await get.Should().ThrowAsync<ScimException>()).Which.StatusCode.Should().Be(429);
        handler.Requests.Should().HaveCount(1);
        time.RetryWaits.Should().BeEmpty();
    }

    [Fact]
    public async Task Retries_AreBoundedByMaxAttempts()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.ServiceUnavailable, "{}"));
        using var client = ScimTestClients.Create(handler, ScimTestClients.BearerOptions(options => options.MaxRetryAttempts = 2));

        var get = () => client.GetUserAsync("u1");

        (await get.Should().ThrowAsync<ScimException>()).Which.StatusCode.Should().Be(503);
        handler.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task LostCreateResponse_ResolvedByLookup()
    {
        var handler = new ScriptedScimHandler((request, _) => request.Method == "POST"
            ? throw new HttpRequestException("connection reset")
            : Json(HttpStatusCode.OK, ScimTestClients.List(1, 1, ScimTestClients.User("u9", "oneil"))));
        using var client = ScimTestClients.Create(handler);

        var user = await client.CreateUserAsync(new ScimUser { UserName = "o\"neil" });

        user.Id.Should().Be("u9");
        handler.Requests.Count(request => request.Method == "POST").Should().Be(1);
        handler.Requests.Last().Query.Should().Contain("filter=userName eq \"o\\\"neil\"");
    }

    [Fact]
    public async Task LostCreate_RetryConflict_ResolvedByLookup()
    {
        var posts = 0;
        var gets = 0;
        var handler = new ScriptedScimHandler((request, _) =>
        {
            if (request.Method == "POST")
            {
                return Interlocked.Increment(ref posts) == 1
                    ? throw new HttpRequestException("connection reset")
                    : Json(HttpStatusCode.Conflict, """{"status":"409","scimType":"uniqueness"}""");
            }

            // The first lookup runs before the create is visible; the second one finds it.
            return Interlocked.Increment(ref gets) == 1 ? Json(HttpStatusCode.OK, ScimTestClients.List(0, 1)) : Json(HttpStatusCode.OK, ScimTestClients.List(1, 1, ScimTestClients.User("u9", "ada")));
        });
        using var client = ScimTestClients.Create(handler);

        var user = await client.CreateUserAsync(new ScimUser { UserName = "ada" });

        user.Id.Should().Be("u9");
        handler.Requests.Select(request => request.Method).Should().Equal("POST", "GET", "POST", "GET");
    }

    [Fact]
    public async Task Conflict_OnFirstCreate_RaisesTypedConflict()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.Conflict, """{"status":"409","scimType":"Uniqueness"}"""));
        using var client = ScimTestClients.Create(handler);

        var create = () => client.CreateGroupAsync(new ScimGroup { DisplayName = "Ops" });

        (await create.Should().ThrowAsync<ScimConflictException>()).Which.ScimType.Should().Be(ScimErrorTypes.Uniqueness);
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Get_RetriedAfterConnectionError()
    {
        var handler = new ScriptedScimHandler((_, index) => index == 0 ? throw new HttpRequestException("reset") : Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada")));
        using var client = ScimTestClients.Create(handler);

        (await client.GetUserAsync("u1"))!.Id.Should().Be("u1");
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task AddPatch_NotRetriedAfterConnectionError()
    {
        var handler = new ScriptedScimHandler((_, _) => throw new HttpRequestException("reset"));
        using var client = ScimTestClients.Create(handler);

        var patch = () => client.PatchGroupAsync("g1", new ScimPatchBuilder().AddMembers("u1").Build());

        await patch.Should().ThrowAsync<ScimException>();
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task ReplacePatch_RetriedAfterServerError()
    {
        var handler = new ScriptedScimHandler((_, index) => index == 0 ? Json(HttpStatusCode.InternalServerError, """{"status":"500","detail":"REQUEST_LIMIT_EXCEEDED: concurrent limit 4"}""") : Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada")));
        using var client = ScimTestClients.Create(handler);

        var user = await client.PatchUserAsync("u1", new ScimPatchBuilder().Replace("active", false).Build());

        user!.Id.Should().Be("u1");
        handler.Requests.Should().HaveCount(2);
    }
}
