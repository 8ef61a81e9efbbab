using System.Net;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>The /Groups endpoint: members through create, PATCH and PUT, uniqueness, lists without members.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class ScimGroupsEndpointTests : IAsyncLifetime
{
    private readonly ScimHarness _harness = new();
    private string _first = null!;
    private string _second = null!;

    public async Task InitializeAsync()
    {
        _first = (await _harness.CreateUserAsync("first", ""","displayName":"First User" """))["id"]!.GetValue<string>();
        _second = (await _harness.CreateUserAsync("second"))["id"]!.GetValue<string>();
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Create_WithMembers_ReturnsMembers()
    {
        var group = await _harness.CreateGroupAsync("Ops", _first, _second);

        group["id"]!.GetValue<string>().Should().StartWith("group_");
        group["displayName"]!.GetValue<string>().Should().Be("Ops");
        group["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Should().BeEquivalentTo([_first, _second]);
        group["members"]!.AsArray().Single(m => m!["value"]!.GetValue<string>() == _first)!["display"]!.GetValue<string>().Should().Be("First User");
        group["meta"]!["resourceType"]!.GetValue<string>().Should().Be("Group");
        _harness.Simulator.Directory.GetGroupMembers(group["id"]!.GetValue<string>()).Should().BeEquivalentTo([_first, _second]);
    }

    [Fact]
    public async Task Get_IncludesMembers_ListOmitsThem()
    {
        var group = await _harness.CreateGroupAsync("Ops", _first);

        var read = await _harness.GetAsync($"Groups/{group["id"]}");
        var list = await _harness.GetAsync("Groups");

        read.Json["members"]!.AsArray().Should().ContainSingle();
        list.Resources.Should().ContainSingle();
        list.Resources[0].ContainsKey("members").Should().BeFalse();
    }

    [Fact]
    public async Task Create_DuplicateDisplayName_Returns409()
    {
        await _harness.CreateGroupAsync("Ops");

        var result = await _harness.SendAsync(HttpMethod.Post, "Groups", """{"displayName":"OPS"}""");

        result.Status.Should().Be(HttpStatusCode.Conflict);
        result.ScimType.Should().Be("uniqueness");
    }

    [Fact]
    public async Task Create_UnknownMember_Returns400()
    {
        var result = await _harness.SendAsync(HttpMethod.Post, "Groups", """{"displayName":"Ops","members":[{"value":"user_missing"}]}""");

        result.Status.Should().Be(HttpStatusCode.BadRequest);
        result.ScimType.Should().Be("invalidValue");
        _harness.Simulator.Directory.GroupCount.Should().Be(0);
    }

    [Fact]
    public async Task PatchRemove_ByValueFilter_RemovesOneMember()
    {
        var id = (await _harness.CreateGroupAsync("Ops", _first, _second))["id"]!.GetValue<string>();

        var result = await _harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch($$"""{"op":"remove","path":"members[value eq \"{{_first}}\"]"}"""));

        result.Status.Should().Be(HttpStatusCode.OK, result.Text);
        _harness.Simulator.Directory.GetGroupMembers(id).Should().Equal(_second);
    }

    [Fact]
    public async Task PatchEntraAddAndRemove_WithValueArrays()
    {
        var id = (await _harness.CreateGroupAsync("Ops"))["id"]!.GetValue<string>();

        var added = await _harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch($$"""{"op":"Add","path":"members","value":[{"value":"{{_first}}"},{"value":"{{_second}}"}]}"""));
        var removed = await _harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch($$"""{"op":"Remove","path":"members","value":[{"value":"{{_second}}"}]}"""));

        added.Json["members"]!.AsArray().Should().HaveCount(2);
        removed.Json["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Should().Equal(_first);
    }

    [Fact]
    public async Task PatchRemove_AbsentMember_ChangesNothing()
    {
        var id = (await _harness.CreateGroupAsync("Ops", _first))["id"]!.GetValue<string>();

        var result = await _harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch("""{"op":"remove","path":"members[value eq \"user_gone\"]"}"""));

        result.Status.Should().Be(HttpStatusCode.OK);
        _harness.Simulator.Directory.GetGroupMembers(id).Should().Equal(_first);
    }

    [Fact]
    public async Task PatchReplace_DisplayNameAndMembers()
    {
        var id = (await _harness.CreateGroupAsync("Ops", _first))["id"]!.GetValue<string>();

        var result = await _harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch(
            """{"op":"replace","value":{"id":"ignored","displayName":"Operations"}}""",
            $$"""{"op":"replace","path":"members","value":[{"value":"{{_second}}"}]}"""));

        result.Json["displayName"]!.GetValue<string>().Should().Be("Operations");
        _harness.Simulator.Directory.GetGroupMembers(id).Should().Equal(_second);
    }

    [Fact]
    public async Task PatchRemoveAllMembers()
    {
        var id = (await _harness.CreateGroupAsync("Ops", _first, _second))["id"]!.GetValue<string>();

        var result = await _harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch("""{"op":"remove","path":"members"}"""));

        result.Json["members"]!.AsArray().Should().BeEmpty();
        _harness.Simulator.Directory.GetGroupMembers(id).Should().BeEmpty();
    }

    [Fact]
    public async Task Put_ReplacesMembersAndKeepsExternalId()
    {
        var id = (await _harness.CreateGroupAsync("Ops", _first))["id"]!.GetValue<string>();

        var result = await _harness.SendAsync(HttpMethod.Put, $"Groups/{id}", $$"""{"displayName":"Ops","externalId":"G-1","members":[{"value":"{{_second}}"}]}""");

        result.Status.Should().Be(HttpStatusCode.OK);
        result.Json["externalId"]!.GetValue<string>().Should().Be("G-1");
        _harness.Simulator.Directory.GetGroupMembers(id).Should().Equal(_second);
    }

    [Fact]
    public async Task Delete_RemovesGroup()
    {
        var id = (await _harness.CreateGroupAsync("Ops", _first))["id"]!.GetValue<string>();

        var deleted = await _harness.SendAsync(HttpMethod.Delete, $"Groups/{id}");
        var again = await _harness.SendAsync(HttpMethod.Delete, $"Groups/{id}");

        deleted.Status.Should().Be(HttpStatusCode.NoContent);
        again.Status.Should().Be(HttpStatusCode.NotFound);
        _harness.Simulator.Directory.GroupCount.Should().Be(0);
    }

    [Fact]
    public async Task DeletedUser_LeavesGroup()
    {
        var id = (await _harness.CreateGroupAsync("Ops", _first, _second))["id"]!.GetValue<string>();
        var before = (await _harness.GetAsync($"Groups/{id}")).ETag;

        await _harness.SendAsync(HttpMethod.Delete, $"Users/{_first}");
        var after = await _harness.GetAsync($"Groups/{id}");

        after.Json["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Should().Equal(_second);
        after.ETag.Should().NotBe(before);
    }
}
