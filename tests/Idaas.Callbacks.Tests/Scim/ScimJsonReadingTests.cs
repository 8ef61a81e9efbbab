using System.Text.Json;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Scim;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimJsonReadingTests
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Theory]
    [InlineData("\"True\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("\"false\"", false)]
    [InlineData("true", true)]
    public void Active_ReadsStringAndJsonBooleans(string active, bool expected)
    {
        var user = JsonSerializer.Deserialize($$"""{"userName":"a","active":{{active}}}""", ScimJsonContext.Default.ScimUser)!;

        user.Active.Should().Be(expected);
    }

    [Fact]
    public void Active_IsWrittenAsJsonBoolean()
    {
        var json = JsonSerializer.Serialize(new ScimUser { UserName = "a", Active = false }, ScimJsonContext.Default.ScimUser);

        json.Should().Contain("\"active\":false");
    }

    [Fact]
    public void Manager_ReadFromString()
    {
        var user = JsonSerializer.Deserialize("{\"" + Enterprise + "\":{\"manager\":\"user_500\",\"employeeNumber\":\"E-17\"}}", ScimJsonContext.Default.ScimUser)!;

        user.EnterpriseUser!.Manager!.Value.Should().Be("user_500");
        user.EnterpriseUser.EmployeeNumber.Should().Be("E-17");
    }

    [Fact]
    public void Manager_ReadFromObject_AndWrittenComplex()
    {
        var user = JsonSerializer.Deserialize(
            "{\"" + Enterprise + "\":" + """{"manager":{"value":"user_500","$ref":"https://sp.example.test/Users/user_500","displayName":"Ada"},"department":"Ops"}}""",
            ScimJsonContext.Default.ScimUser)!;

        var manager = user.EnterpriseUser!.Manager!;
        manager.Value.Should().Be("user_500");
        manager.Ref.Should().Be("https://sp.example.test/Users/user_500");
        manager.DisplayName.Should().Be("Ada");
        var written = JsonNode.Parse(JsonSerializer.Serialize(user with { EnterpriseUser = user.EnterpriseUser with { Manager = new ScimManager { Value = "user_7" } } }, ScimJsonContext.Default.ScimUser))!;
        written[Enterprise]!["manager"]!["value"]!.GetValue<string>().Should().Be("user_7");
    }

    [Fact]
    public void UnknownAttributes_SurviveRoundTrip()
    {
        const string Json = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:example:ext:1.0"],"id":"u1","userName":"a",
             "preferredLanguage":"de","urn:example:ext:1.0":{"badge":"B-1"},
             "name":{"givenName":"Ada","phonetic":"a-da"},"emails":[{"value":"a@example.test","type":"work","primary":"True","verified":true}],
             "meta":{"version":"W/\"1\"","custom":1}}
            """;

        var user = JsonSerializer.Deserialize(Json, ScimJsonContext.Default.ScimUser)!;
        var text = JsonSerializer.Serialize(user with { DisplayName = "Ada" }, ScimJsonContext.Default.ScimUser);
        var written = JsonNode.Parse(text)!;

        written["preferredLanguage"]!.GetValue<string>().Should().Be("de");
        written["urn:example:ext:1.0"]!["badge"]!.GetValue<string>().Should().Be("B-1");
        written["name"]!["phonetic"]!.GetValue<string>().Should().Be("a-da");
        written["emails"]![0]!["verified"]!.GetValue<bool>().Should().BeTrue();
        written["emails"]![0]!["primary"]!.GetValue<bool>().Should().BeTrue();
        written["meta"]!["custom"]!.GetValue<int>().Should().Be(1);
        written["displayName"]!.GetValue<string>().Should().Be("Ada");
    }

    [Fact]
    public void AttributeNames_MatchInAnyCase()
    {
        var user = JsonSerializer.Deserialize("""{"UserName":"a","DISPLAYNAME":"A"}""", ScimJsonContext.Default.ScimUser)!;

        user.UserName.Should().Be("a");
        user.DisplayName.Should().Be("A");
    }

    [Theory]
    [InlineData("Add", ScimPatchOperationType.Add)]
    [InlineData("REPLACE", ScimPatchOperationType.Replace)]
    [InlineData("Remove", ScimPatchOperationType.Remove)]
    public void PatchOp_ReadInAnyCase(string op, ScimPatchOperationType expected)
    {
        var patch = JsonSerializer.Deserialize($$"""{"Operations":[{"op":"{{op}}","path":"active","value":"False"}]}""", ScimJsonContext.Default.ScimPatchRequest)!;

        patch.Operations[0].Op.Should().Be(expected);
    }

    [Fact]
    public void PatchOp_UnknownIsRejected()
    {
        var read = () => JsonSerializer.Deserialize("""{"Operations":[{"op":"merge"}]}""", ScimJsonContext.Default.ScimPatchRequest);

        read.Should().Throw<JsonException>().WithMessage("*merge*");
    }

    [Theory]
    [InlineData("""{"status":"400","scimType":"InvalidFilter","detail":"bad"}""", 400, "invalidFilter")]
    [InlineData("""{"status":400,"detail":"bad"}""", 400, null)]
    [InlineData("""{"status":"409","scimType":"UNIQUENESS"}""", 409, "uniqueness")]
    [InlineData("""{"status":"409","scimType":"vendorSpecific"}""", 409, "vendorSpecific")]
    public void Error_ReadsStatusAndScimTypeVariants(string json, int status, string? scimType)
    {
        var error = JsonSerializer.Deserialize(json, ScimJsonContext.Default.ScimError)!;

        error.Status.Should().Be(status);
        error.ScimType.Should().Be(scimType);
    }

    [Fact]
    public void Group_ReadsMembersWithRef()
    {
        var group = JsonSerializer.Deserialize("""{"displayName":"Ops","members":[{"value":"u1","$ref":"https://sp.example.test/Users/u1","display":"Ada","type":"User"}]}""", ScimJsonContext.Default.ScimGroup)!;

        group.Members.Should().ContainSingle().Which.Should().BeEquivalentTo(new ScimMember { Value = "u1", Ref = "https://sp.example.test/Users/u1", Display = "Ada", Type = "User" });
    }
}
