using System.Net;
using Idaas.Callbacks.Scim;
using static Idaas.Callbacks.Tests.Scim.ScriptedScimHandler;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimClientPagingTests
{
    [Fact]
    public async Task List_FollowsServerStartIndex()
    {
        // The server returns at most 2 per page, fewer than the 100 requested.
        var handler = new ScriptedScimHandler((request, _) => request.Query.Contains("startIndex=1&", StringComparison.Ordinal)
            ? Json(HttpStatusCode.OK, ScimTestClients.List(3, 1, ScimTestClients.User("u1", "a"), ScimTestClients.User("u2", "b")))
            : Json(HttpStatusCode.OK, ScimTestClients.List(3, 3, ScimTestClients.User("u3", "c"))));
        using var client = ScimTestClients.Create(handler);

        var users = await client.ListUsersAsync().ToListAsync();

        users.Select(user => user.Id).Should().Equal("u1", "u2", "u3");
        handler.Requests.Select(request => request.Query).Should().Equal("?startIndex=1&count=100", "?startIndex=3&count=100");
    }

    [Fact]
    public async Task List_MissingResourcesIsEmpty()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, """{"totalResults":0,"startIndex":1,"itemsPerPage":0}"""));
        using var client = ScimTestClients.Create(handler);

        (await client.ListGroupsAsync().ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task List_SameStartIndexTwice_Stops()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, ScimTestClients.List(5, 1, ScimTestClients.User("u1", "a"))));
        using var client = ScimTestClients.Create(handler);

        var list = async () => await client.ListUsersAsync().ToListAsync();

        (await list.Should().ThrowAsync<ScimException>()).WithMessage("*do not advance*");
        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task List_EmptyPageWhileTotalSaysMore_Stops()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, """{"totalResults":10,"startIndex":1,"itemsPerPage":0,"Resources":[]}"""));
        using var client = ScimTestClients.Create(handler);

        var list = async () => await client.ListUsersAsync().ToListAsync();

        (await list.Should().ThrowAsync<ScimException>()).WithMessage("*no resources but totalResults is 10*");
    }
}
