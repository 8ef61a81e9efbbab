using System.Text.Json;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Scim;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimPatchBuilderTests
{
    [Fact]
    public void Build_WritesLowercaseOpsAndRealBooleans()
    {
        var patch = new ScimPatchBuilder()
            .Replace("active", false)
            .Add(ScimPath.Where("emails", ScimFilter.Eq("type", "other"), "value"), "rv@other.example.test")
            .Remove("title")
            .Build();

        var json = JsonNode.Parse(JsonSerializer.Serialize(patch, ScimJsonContext.Default.ScimPatchRequest))!;

        json["schemas"]![0]!.GetValue<string>().Should().Be(ScimSchemas.PatchOp);
        var operations = json["Operations"]!.AsArray();
        operations[0]!["op"]!.GetValue<string>().Should().Be("replace");
        operations[0]!["value"]!.GetValueKind().Should().Be(JsonValueKind.False);
        operations[1]!["op"]!.GetValue<string>().Should().Be("add");
        operations[1]!["path"]!.GetValue<string>().Should().Be("emails[type eq \"other\"].value");
        operations[2]!["op"]!.GetValue<string>().Should().Be("remove");
        operations[2]!.AsObject().ContainsKey("value").Should().BeFalse();
    }

    [Fact]
    public void RemoveMember_UsesFilteredPath()
    {
        var patch = new ScimPatchBuilder().RemoveMember("user_1").Build();

        patch.Operations.Should().ContainSingle().Which.Path.Should().Be("members[value eq \"user_1\"]");
    }

    [Fact]
    public void AddMembers_SendsValueObjects()
    {
        var patch = new ScimPatchBuilder().AddMembers("u1", "u2").Build();

        patch.Operations[0].Value!.ToJsonString().Should().Be("""[{"value":"u1"},{"value":"u2"}]""");
    }

    [Fact]
    public void Build_WithoutOperationsFails()
    {
        var build = () => new ScimPatchBuilder().Build();

        build.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Replace_InvalidPathIsRejected()
    {
        var build = () => new ScimPatchBuilder().Replace("active\" or \"", true);

        build.Should().Throw<ArgumentException>();
    }
}
