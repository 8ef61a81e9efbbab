using System.Net;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>PATCH: RFC 7644 operations, value paths, and the Microsoft Entra ID and Okta dialects.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class ScimPatchTests : IAsyncLifetime
{
    private const string Enterprise = ScimHarness.Enterprise;

    private readonly ScimHarness _harness = new();
    private string _id = null!;

    public async Task InitializeAsync()
    {
        var user = await _harness.CreateUserAsync("rowan.vale@example.test", """
            ,"title":"Engineer",
            "emails":[{"type":"work","value":"r.vale@work.example.test","primary":true},{"type":"home","value":"rowan@home.example.test"}]
            """);
        _id = user["id"]!.GetValue<string>();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task EntraReplace_StringFalse_Deactivates()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"Replace","path":"active","value":"False"}""");

        user["active"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.False);
        _harness.Simulator.Directory.CreateSnapshot().Users.Single().Status.Should().Be("disabled");
    }

    [Fact]
    public async Task EntraAdd_OnActive_Deactivates()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"Add","path":"active","value":"false"}""");

        user["active"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task PathlessDottedKeys_AreNested()
    {
        var user = await _harness.PatchUserAsync(_id, $$$"""{"op":"replace","value":{"name.givenName":"Rowan","name.familyName":"Vale","{{{Enterprise}}}:department":"Ops"}}""");
        var read = await _harness.GetAsync($"Users/{_id}");

        read.Json["name"]!["givenName"]!.GetValue<string>().Should().Be("Rowan");
        read.Json["name"]!["familyName"]!.GetValue<string>().Should().Be("Vale");
        read.Json[Enterprise]!["department"]!.GetValue<string>().Should().Be("Ops");
        read.Json.ContainsKey("name.givenName").Should().BeFalse();
        JsonNode.DeepEquals(user, read.Json).Should().BeTrue();
    }

    [Fact]
    public async Task OktaPathlessActiveFalse_Deactivates()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"replace","value":{"id":"ignored","active":false}}""");

        user["active"]!.GetValue<bool>().Should().BeFalse();
        user["id"]!.GetValue<string>().Should().Be(_id);
    }

    [Fact]
    public async Task PathlessExtensionObject_MergesMembers()
    {
        await _harness.PatchUserAsync(_id, $$$$"""{"op":"add","value":{"{{{{Enterprise}}}}":{"employeeNumber":"E-17"}}}""");
        var user = await _harness.PatchUserAsync(_id, $$$$"""{"op":"replace","value":{"{{{{Enterprise}}}}":{"department":"Ops"}}}""");

        user[Enterprise]!["employeeNumber"]!.GetValue<string>().Should().Be("E-17");
        user[Enterprise]!["department"]!.GetValue<string>().Should().Be("Ops");
    }

    [Fact]
    public async Task InvalidBooleanString_Returns400InvalidValue()
    {
        var result = await _harness.SendAsync(HttpMethod.Patch, $"Users/{_id}", ScimHarness.Patch("""{"op":"Replace","path":"active","value":"maybe"}"""));
        var read = await _harness.GetAsync($"Users/{_id}");

        result.Status.Should().Be(HttpStatusCode.BadRequest);
        result.ScimType.Should().Be("invalidValue");
        read.Json["active"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task UppercaseRemove_RemovesAttribute()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"REMOVE","path":"title"}""");

        user.ContainsKey("title").Should().BeFalse();
    }

    [Fact]
    public async Task FilteredReplace_ChangesOnlyMatchingValue()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"replace","path":"emails[type eq \"work\"].value","value":"rowan.vale@work.example.test"}""");

        var emails = user["emails"]!.AsArray();
        emails.Should().HaveCount(2);
        emails[0]!["value"]!.GetValue<string>().Should().Be("rowan.vale@work.example.test");
        emails[0]!["primary"]!.GetValue<bool>().Should().BeTrue();
        emails[1]!["value"]!.GetValue<string>().Should().Be("rowan@home.example.test");
        _harness.Simulator.Directory.CreateSnapshot().Users.Single().Email.Should().Be("rowan.vale@work.example.test");
    }

    [Fact]
    public async Task FilteredAdd_Unmatched_AppendsValue()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"add","path":"emails[type eq \"other\"].value","value":"rv@other.example.test"}""");

        var emails = user["emails"]!.AsArray();
        emails.Should().HaveCount(3);
        emails[2]!["type"]!.GetValue<string>().Should().Be("other");
        emails[2]!["value"]!.GetValue<string>().Should().Be("rv@other.example.test");
    }

    [Fact]
    public async Task FilteredReplace_NoAttribute_CreatesValue()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"replace","path":"addresses[type eq \"work\"].formatted","value":"12 Sample Rd"}""");

        user["addresses"]![0]!["type"]!.GetValue<string>().Should().Be("work");
        user["addresses"]![0]!["formatted"]!.GetValue<string>().Should().Be("12 Sample Rd");
    }

    [Fact]
    public async Task FilteredReplace_UnbuildableFilter_Returns400NoTarget()
    {
        var result = await _harness.SendAsync(HttpMethod.Patch, $"Users/{_id}", ScimHarness.Patch("""{"op":"replace","path":"emails[value co \"nowhere\"].type","value":"x"}"""));

        result.Status.Should().Be(HttpStatusCode.BadRequest);
        result.ScimType.Should().Be("noTarget");
    }

    [Fact]
    public async Task FilteredRemove_RemovesOnlyMatch()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"remove","path":"emails[type eq \"home\"]"}""");

        user["emails"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Should().Equal("work");
    }

    [Fact]
    public async Task FilteredPrimary_KeepsOnePrimary()
    {
        var user = await _harness.PatchUserAsync(_id, """{"op":"replace","path":"emails[type eq \"home\"].primary","value":true}""");

        var primaries = user["emails"]!.AsArray().Where(e => e!["primary"]?.GetValue<bool>() == true).ToList();
        primaries.Should().ContainSingle();
        primaries[0]!["type"]!.GetValue<string>().Should().Be("home");
        _harness.Simulator.Directory.CreateSnapshot().Users.Single().Email.Should().Be("rowan@home.example.test");
    }

    [Fact]
    public async Task AddMultiValued_AppendsWithoutDuplicates()
    {
        var user = await _harness.PatchUserAsync(
            _id,
            """{"op":"add","path":"phoneNumbers","value":[{"value":"+1 555 0100","type":"work"}]}""",
            """{"op":"add","path":"phoneNumbers","value":{"value":"+1 555 0100","type":"work"}}""");

        user["phoneNumbers"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task ReplaceComplex_KeepsOtherSubAttributes()
    {
        await _harness.PatchUserAsync(_id, """{"op":"add","path":"name","value":{"givenName":"Rowan","familyName":"Vale"}}""");
        var user = await _harness.PatchUserAsync(_id, """{"op":"replace","path":"name","value":{"familyName":"Stone"}}""");

        user["name"]!["givenName"]!.GetValue<string>().Should().Be("Rowan");
        user["name"]!["familyName"]!.GetValue<string>().Should().Be("Stone");
    }

    [Fact]
    public async Task SubAttributePath_SetsAndRemoves()
    {
        var added = await _harness.PatchUserAsync(_id, """{"op":"add","path":"name.givenName","value":"Rowan"}""");
        var removed = await _harness.PatchUserAsync(_id, """{"op":"remove","path":"name.givenName"}""");

        added["name"]!["givenName"]!.GetValue<string>().Should().Be("Rowan");
        removed.ContainsKey("name").Should().BeFalse();
    }

    [Fact]
    public async Task ReplaceUserName_ChangesDirectory()
    {
        await _harness.PatchUserAsync(_id, """{"op":"replace","path":"userName","value":"rowan.stone@example.test"}""");

        _harness.Simulator.Directory.CreateSnapshot().Users.Single().Username.Should().Be("rowan.stone@example.test");
    }

    [Fact]
    public async Task ReplacePassword_SetsPassword()
    {
        var result = await _harness.SendAsync(HttpMethod.Patch, $"Users/{_id}", ScimHarness.Patch("""{"op":"replace","path":"password","value":"N3w!"}"""));

        result.Status.Should().Be(HttpStatusCode.OK);
        result.Text.Should().NotContain("N3w!");
        _harness.Simulator.Directory.CreateSnapshot().Users.Single().PasswordSet.Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"merge","path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"Operations":[{"op":"add","path":"title","value":"x"}]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":["add"]}""", "invalidSyntax")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove"}]}""", "noTarget")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"emails[type eq \"work\"","value":"x"}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"a.b.c","value":"x"}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"urn:example:unknown:title","value":"x"}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"title[value eq \"x\"]","value":"x"}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":7,"value":"x"}]}""", "invalidPath")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"id","value":"user_x"}]}""", "mutability")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","value":"not an object"}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"userName","value":null}]}""", "invalidValue")]
    public async Task InvalidPatch_Returns400(string body, string scimType)
    {
        var result = await _harness.SendAsync(HttpMethod.Patch, $"Users/{_id}", body);

        result.Status.Should().Be(HttpStatusCode.BadRequest, result.Text);
        result.ScimType.Should().Be(scimType);
    }

    [Fact]
    public async Task FailedOperation_ChangesNothing()
    {
        var before = await _harness.GetAsync($"Users/{_id}");

        var result = await _harness.SendAsync(HttpMethod.Patch, $"Users/{_id}", ScimHarness.Patch(
            """{"op":"replace","path":"title","value":"Lead"}""",
            """{"op":"merge","path":"title","value":"x"}"""));
        var after = await _harness.GetAsync($"Users/{_id}");

        result.Status.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.DeepEquals(before.Json, after.Json).Should().BeTrue();
    }

    [Fact]
    public async Task EqualValue_KeepsVersionAndEmitsNothing()
    {
        var before = await _harness.GetAsync($"Users/{_id}");
        var changes = _harness.Simulator.Scim.Changes.Count;

        var user = await _harness.PatchUserAsync(_id, """{"op":"replace","path":"title","value":"Engineer"}""");

        user["meta"]!["version"]!.GetValue<string>().Should().Be(before.ETag);
        _harness.Simulator.Scim.Changes.Should().HaveCount(changes + 1);
        _harness.Simulator.Scim.Changes[^1].Events.Should().BeEmpty();
    }
}
