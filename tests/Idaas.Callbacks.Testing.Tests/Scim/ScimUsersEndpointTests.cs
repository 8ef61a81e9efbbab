using System.Net;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>The /Users endpoint: create, read, replace, delete, uniqueness and the enterprise extension.</summary>
public sealed class ScimUsersEndpointTests
{
    private const string Enterprise = ScimHarness.Enterprise;

    [Fact]
    public async Task Create_Returns201WithResource()
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(HttpMethod.Post, "Users", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Enterprise}}}"],
             "externalId":"X-1","userName":"rowan.vale@example.test","displayName":"Rowan Vale",
             "name":{"givenName":"Rowan","familyName":"Vale"},
             "emails":[{"value":"rowan.vale@example.test","type":"work","primary":true}],
             "phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
             "{{{Enterprise}}}":{"employeeNumber":"E-17","department":"Ops"}}
            """);

        result.Status.Should().Be(HttpStatusCode.Created);
        result.Response.Content.Headers.ContentType!.MediaType.Should().Be("application/scim+json");
        var user = result.Json;
        var id = user["id"]!.GetValue<string>();
        id.Should().StartWith("user_");
        user["externalId"]!.GetValue<string>().Should().Be("X-1");
        user["userName"]!.GetValue<string>().Should().Be("rowan.vale@example.test");
        user["active"]!.GetValue<bool>().Should().BeTrue();
        user["name"]!["familyName"]!.GetValue<string>().Should().Be("Vale");
        user["phoneNumbers"]![0]!["value"]!.GetValue<string>().Should().Be("+1 555 0100");
        user[Enterprise]!["department"]!.GetValue<string>().Should().Be("Ops");
        user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain(Enterprise);
        user["meta"]!["resourceType"]!.GetValue<string>().Should().Be("User");
        user["meta"]!["version"]!.GetValue<string>().Should().Be(result.ETag);
        user["meta"]!["location"]!.GetValue<string>().Should().Be($"http://idaas.test{harness.Simulator.Scim.BasePath}/Users/{id}");
        result.Response.Headers.Location.Should().Be(new Uri(user["meta"]!["location"]!.GetValue<string>()));
        user.ContainsKey("password").Should().BeFalse();
    }

    [Fact]
    public async Task Create_WritesDirectoryFields()
    {
        await using var harness = new ScimHarness();

        var user = await harness.CreateUserAsync("rowan.vale@example.test", ""","displayName":"Rowan","active":false,"emails":[{"value":"home@example.test"},{"value":"work@example.test","primary":true}]""");

        var snapshot = harness.Simulator.Directory.CreateSnapshot().Users.Single();
        snapshot.UserId.Should().Be(user["id"]!.GetValue<string>());
        snapshot.Username.Should().Be("rowan.vale@example.test");
        snapshot.DisplayName.Should().Be("Rowan");
        snapshot.Email.Should().Be("work@example.test");
        snapshot.Status.Should().Be("disabled");
    }

    [Fact]
    public async Task Get_ReturnsWhatWasWritten()
    {
        await using var harness = new ScimHarness();
        var created = await harness.CreateUserAsync("rowan", ""","title":"Engineer","x-custom":{"a":1}""");

        var result = await harness.GetAsync($"Users/{created["id"]}");

        result.Status.Should().Be(HttpStatusCode.OK);
        JsonNode.DeepEquals(result.Json, created).Should().BeTrue(result.Text);
        result.Json["x-custom"]!["a"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Get_DirectoryUser_HasScimShape()
    {
        await using var harness = new ScimHarness();
        var userId = harness.Simulator.Directory.CreateUser("dana", "Dana", "dana@example.test").ObjectId;

        var result = await harness.GetAsync($"Users/{userId}");

        result.Json["userName"]!.GetValue<string>().Should().Be("dana");
        result.Json["emails"]![0]!["value"]!.GetValue<string>().Should().Be("dana@example.test");
        result.Json["emails"]![0]!["primary"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Get_UnknownId_Returns404ScimError()
    {
        await using var harness = new ScimHarness();

        var result = await harness.GetAsync("Users/user_missing");

        result.Status.Should().Be(HttpStatusCode.NotFound);
        result.Json["schemas"]![0]!.GetValue<string>().Should().Be("urn:ietf:params:scim:api:messages:2.0:Error");
        result.Json["status"]!.GetValue<string>().Should().Be("404");
        result.Json["detail"]!.GetValue<string>().Should().Contain("user_missing");
    }

    [Fact]
    public async Task Create_DuplicateUserName_Returns409()
    {
        await using var harness = new ScimHarness();
        await harness.CreateUserAsync("rowan.vale@example.test");

        var result = await harness.SendAsync(HttpMethod.Post, "Users", """{"userName":"ROWAN.VALE@example.test"}""");

        result.Status.Should().Be(HttpStatusCode.Conflict);
        result.ScimType.Should().Be("uniqueness");
        result.Json["status"]!.GetValue<string>().Should().Be("409");
    }

    [Theory]
    [InlineData("""{"displayName":"no user name"}""", "invalidValue")]
    [InlineData("""{"userName":"a","active":"maybe"}""", "invalidValue")]
    [InlineData("""{"userName":"a","name":"not an object"}""", "invalidValue")]
    [InlineData("""{"userName":""", "invalidSyntax")]
    [InlineData("""["userName"]""", "invalidSyntax")]
    public async Task Create_InvalidBody_Returns400(string body, string scimType)
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(HttpMethod.Post, "Users", body);

        result.Status.Should().Be(HttpStatusCode.BadRequest);
        result.ScimType.Should().Be(scimType);
    }

    [Fact]
    public async Task Create_PlainJson_IsAccepted()
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(HttpMethod.Post, "Users", null, request =>
            request.Content = new StringContent("""{"userName":"json"}""", System.Text.Encoding.UTF8, "application/json"));

        result.Status.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_TextPlain_Returns415()
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(HttpMethod.Post, "Users", null, request =>
            request.Content = new StringContent("""{"userName":"text"}""", System.Text.Encoding.UTF8, "text/plain"));

        result.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Replace_ReplacesAllAttributes()
    {
        await using var harness = new ScimHarness();
        var created = await harness.CreateUserAsync("rowan", ""","title":"Engineer","nickName":"Ro" """);
        var id = created["id"]!.GetValue<string>();

        var result = await harness.SendAsync(HttpMethod.Put, $"Users/{id}", """{"id":"ignored","userName":"rowan2","title":"Lead","active":false}""");

        result.Status.Should().Be(HttpStatusCode.OK);
        result.Json["id"]!.GetValue<string>().Should().Be(id);
        result.Json["userName"]!.GetValue<string>().Should().Be("rowan2");
        result.Json["title"]!.GetValue<string>().Should().Be("Lead");
        result.Json.ContainsKey("nickName").Should().BeFalse();
        result.Json["active"]!.GetValue<bool>().Should().BeFalse();
        result.ETag.Should().NotBe(created["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replace_TakenUserName_Returns409()
    {
        await using var harness = new ScimHarness();
        await harness.CreateUserAsync("first");
        var second = await harness.CreateUserAsync("second");

        var result = await harness.SendAsync(HttpMethod.Put, $"Users/{second["id"]}", """{"userName":"First"}""");

        result.Status.Should().Be(HttpStatusCode.Conflict);
        result.ScimType.Should().Be("uniqueness");
    }

    [Fact]
    public async Task Delete_Returns204ThenNotFound()
    {
        await using var harness = new ScimHarness();
        var created = await harness.CreateUserAsync("rowan");

        var deleted = await harness.SendAsync(HttpMethod.Delete, $"Users/{created["id"]}");
        var read = await harness.GetAsync($"Users/{created["id"]}");

        deleted.Status.Should().Be(HttpStatusCode.NoContent);
        read.Status.Should().Be(HttpStatusCode.NotFound);
        harness.Simulator.Directory.UserCount.Should().Be(0);
    }

    [Fact]
    public async Task Password_IsWrittenButNeverReturned()
    {
        await using var harness = new ScimHarness();

        var created = await harness.CreateUserAsync("rowan", ""","password":"S3cret!" """);
        var read = await harness.GetAsync($"Users/{created["id"]}");

        created.ContainsKey("password").Should().BeFalse();
        read.Text.Should().NotContain("S3cret!");
        harness.Simulator.Directory.CreateSnapshot().Users.Single().PasswordSet.Should().BeTrue();
    }

    [Fact]
    public async Task User_ListsGroupsReadOnly()
    {
        await using var harness = new ScimHarness();
        var user = await harness.CreateUserAsync("rowan");
        var group = await harness.CreateGroupAsync("Ops", user["id"]!.GetValue<string>());

        var read = await harness.GetAsync($"Users/{user["id"]}");
        var write = await harness.SendAsync(HttpMethod.Patch, $"Users/{user["id"]}", ScimHarness.Patch("""{"op":"add","path":"groups","value":[{"value":"x"}]}"""));

        read.Json["groups"]![0]!["value"]!.GetValue<string>().Should().Be(group["id"]!.GetValue<string>());
        read.Json["groups"]![0]!["display"]!.GetValue<string>().Should().Be("Ops");
        write.Status.Should().Be(HttpStatusCode.BadRequest);
        write.ScimType.Should().Be("mutability");
    }

    [Fact]
    public async Task Manager_BareString_StoredAsComplex()
    {
        await using var harness = new ScimHarness();

        var created = await harness.CreateUserAsync("rowan", $$""","{{Enterprise}}":{"manager":"user_500","employeeNumber":"E-17"}""");

        created[Enterprise]!["manager"]!["value"]!.GetValue<string>().Should().Be("user_500");
        created[Enterprise]!["employeeNumber"]!.GetValue<string>().Should().Be("E-17");
    }

    [Fact]
    public async Task Manager_ComplexObject_RoundTrips()
    {
        await using var harness = new ScimHarness();

        var created = await harness.CreateUserAsync("rowan", $$$""","{{{Enterprise}}}":{"manager":{"value":"user_500"}}""");

        created[Enterprise]!["manager"]!["value"]!.GetValue<string>().Should().Be("user_500");
    }

    [Fact]
    public async Task Manager_PatchAddStringThenRemove()
    {
        await using var harness = new ScimHarness();
        var id = (await harness.CreateUserAsync("rowan"))["id"]!.GetValue<string>();

        var added = await harness.PatchUserAsync(id, $$"""{"op":"Add","path":"{{Enterprise}}:manager","value":"user_500"}""");
        var removed = await harness.PatchUserAsync(id, $$"""{"op":"remove","path":"{{Enterprise}}:manager"}""");

        added[Enterprise]!["manager"]!["value"]!.GetValue<string>().Should().Be("user_500");
        removed.ContainsKey(Enterprise).Should().BeFalse();
    }

    [Fact]
    public async Task Create_TwoPrimaries_KeepsFirst()
    {
        await using var harness = new ScimHarness();

        var created = await harness.CreateUserAsync("rowan", ""","emails":[{"value":"a@example.test","primary":true},{"value":"b@example.test","primary":true}]""");

        created["emails"]![0]!["primary"]!.GetValue<bool>().Should().BeTrue();
        created["emails"]![1]!["primary"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Create_OversizedBody_Returns413()
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(HttpMethod.Post, "Users", $"{{\"userName\":\"big\",\"title\":\"{new string('x', 1024 * 1024)}\"}}");

        result.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        harness.Simulator.Directory.UserCount.Should().Be(0);
    }

    [Fact]
    public async Task AttributeNames_AreCaseInsensitive()
    {
        await using var harness = new ScimHarness();

        var created = await harness.CreateUserAsync("rowan", ""","NAME":{"GivenName":"Rowan"},"Emails":[{"Value":"r@example.test","Primary":"True"}]""");

        created["name"]!["givenName"]!.GetValue<string>().Should().Be("Rowan");
        created["emails"]![0]!["value"]!.GetValue<string>().Should().Be("r@example.test");
        created["emails"]![0]!["primary"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Get_ListsStoredExtensionSchemas()
    {
        await using var harness = new ScimHarness();
        const string Badge = "urn:example:params:scim:schemas:extension:badge:2.0:User";
        var created = await harness.CreateUserAsync("badge@example.test", $$""","{{Badge}}":{"badge":"B-42"},"{{ScimHarness.Enterprise}}":{"department":"Ops"}""");

        var read = await harness.GetAsync($"Users/{created["id"]}");

        read.Json["schemas"]!.AsArray().Select(node => node!.GetValue<string>()).Should().BeEquivalentTo(["urn:ietf:params:scim:schemas:core:2.0:User", ScimHarness.Enterprise, Badge]);
        read.Json[Badge]!["badge"]!.GetValue<string>().Should().Be("B-42");
    }
}
