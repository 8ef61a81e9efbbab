using System.Net;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Scim;
using static Idaas.Callbacks.Tests.Scim.ScriptedScimHandler;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimClientRequestTests
{
    [Fact]
    public async Task Create_SendsScimJsonWithSchemas()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.Created, ScimTestClients.User("u1", "ada")));
        using var client = ScimTestClients.Create(handler);

        var user = await client.CreateUserAsync(new ScimUser { UserName = "ada", EnterpriseUser = new ScimEnterpriseUser { Manager = new ScimManager { Value = "m1" } } });

        user.Id.Should().Be("u1");
        var request = handler.Requests.Single();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/scim/v2/idaas_t1/app_a1/Users");
        request.ContentType.Should().Be("application/scim+json");
        request.Accept.Should().Contain("application/scim+json").And.Contain("application/json");
        request.Authorization.Should().Be("Bearer static-token-123");
        var body = JsonNode.Parse(request.Body!)!;
        body["schemas"]!.AsArray().Select(node => node!.GetValue<string>()).Should().Equal(ScimSchemas.User, ScimSchemas.EnterpriseUser);
        body[ScimSchemas.EnterpriseUser]!["manager"]!["value"]!.GetValue<string>().Should().Be("m1");
    }

    [Fact]
    public async Task Replace_SendsIfMatchFromMetaVersion()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada", "W/\"4\"")));
        using var client = ScimTestClients.Create(handler);

        await client.ReplaceUserAsync(new ScimUser { Id = "u1", UserName = "ada", Meta = new ScimMeta { Version = "W/\"3\"" } });

        handler.Requests.Single().IfMatch.Should().Be("W/\"3\"");
        handler.Requests.Single().Method.Should().Be("PUT");
    }

    [Fact]
    public async Task StaleVersion_RaisesPreconditionFailed()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.PreconditionFailed, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"412","detail":"stale"}"""));
        using var client = ScimTestClients.Create(handler);

        var delete = () => client.DeleteUserAsync("u1", "W/\"2\"");

        var failure = await delete.Should().ThrowAsync<ScimPreconditionFailedException>();
        failure.Which.StatusCode.Should().Be(412);
        failure.Which.Detail.Should().Be("stale");
        handler.Requests.Should().ContainSingle().Which.IfMatch.Should().Be("W/\"2\"");
    }

    [Fact]
    public async Task Patch_SendsIfMatchAndReturnsNullOn204()
    {
        var handler = new ScriptedScimHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = ScimTestClients.Create(handler);

        var result = await client.PatchGroupAsync("g1", new ScimPatchBuilder().RemoveMember("u1").Build(), "W/\"7\"");

        result.Should().BeNull();
        var request = handler.Requests.Single();
        request.Method.Should().Be("PATCH");
        request.IfMatch.Should().Be("W/\"7\"");
        request.Body.Should().Contain("\"op\":\"remove\"").And.Contain("members[value eq \\u0022u1\\u0022]");
    }

    [Fact]
    public async Task Get_NotFoundReturnsNull()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.NotFound, """{"status":"404"}"""));
        using var client = ScimTestClients.Create(handler);

        (await client.GetUserAsync("missing")).Should().BeNull();
        (await client.DeleteGroupAsync("missing")).Should().BeFalse();
    }

    [Fact]
    public async Task HtmlErrorBody_BecomesExceptionWithExcerpt()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.BadRequest, "<html><body>Bad gateway\u0001</body></html>", "text/html"));
        using var client = ScimTestClients.Create(handler);

        var get = () => client.GetUserAsync("u1");

        var failure = await get.Should().ThrowAsync<ScimException>();
        failure.Which.StatusCode.Should().Be(400);
        failure.Which.Error.Should().BeNull();
        failure.Which.ResponseExcerpt.Should().StartWith("<html><body>Bad gateway?");
    }

    [Fact]
    public async Task ScimError_IsParsedIntoException()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.BadRequest, """{"status":400,"scimType":"InvalidFilter","detail":"bad"}"""));
        using var client = ScimTestClients.Create(handler);

        var list = async () => await client.ListUsersAsync(ScimFilter.Eq("userName", "x")).ToListAsync();

        var failure = await list.Should().ThrowAsync<ScimException>();
        failure.Which.ScimType.Should().Be(ScimErrorTypes.InvalidFilter);
        failure.Which.Detail.Should().Be("bad");
    }

    [Fact]
    public async Task Filter_IsUrlEncodedInQuery()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, ScimTestClients.List(0, 1)));
        using var client = ScimTestClients.Create(handler);

        await client.ListUsersAsync(ScimFilter.Eq("userName", "o\"neil\\ops@example.test&x=1")).ToListAsync();

        var request = handler.Requests.Single();
        request.Uri.Query.Should().Contain("filter=userName%20eq%20%22o%5C%22neil%5C%5Cops%40example.test%26x%3D1%22");
    }

    [Fact]
    public async Task Discovery_ReadsListAndArrayForms()
    {
        var handler = new ScriptedScimHandler((request, _) => request.Path.EndsWith("/ResourceTypes", StringComparison.Ordinal)
            ? Json(HttpStatusCode.OK, """{"totalResults":2,"Resources":[{"id":"User","endpoint":"/Users"},{"id":"Group","endpoint":"/Groups"}]}""")
            : request.Path.EndsWith("/Schemas", StringComparison.Ordinal)
                ? Json(HttpStatusCode.OK, """[{"id":"urn:ietf:params:scim:schemas:core:2.0:User","attributes":[]}]""")
                : Json(HttpStatusCode.OK, """{"patch":{"supported":true},"filter":{"supported":"True","maxResults":100},"etag":{"supported":false}}"""));
        using var client = ScimTestClients.Create(handler);

        var types = await client.GetResourceTypesAsync();
        var schemas = await client.GetSchemasAsync();
        var config = await client.GetServiceProviderConfigAsync();

        types.Select(type => type.Endpoint).Should().Equal("/Users", "/Groups");
        schemas.Should().ContainSingle().Which.Id.Should().Be(ScimSchemas.User);
        config.Filter!.Supported.Should().BeTrue();
        config.Filter.MaxResults.Should().Be(100);
    }
}
