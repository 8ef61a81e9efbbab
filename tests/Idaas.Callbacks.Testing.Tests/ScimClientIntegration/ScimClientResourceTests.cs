using System.Text.Json;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Scim;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Testing.Tests.ScimClientIntegration;

/// <summary>The real <see cref="ScimClient"/> writing and reading users and groups in the simulator, in memory.</summary>
public sealed class ScimClientResourceTests
{
    private static ScimUser NewUser(string userName) => new()
    {
        UserName = userName,
        DisplayName = "Rowan Vale",
        Name = new ScimName { GivenName = "Rowan", FamilyName = "Vale" },
        Title = "Engineer",
        Active = true,
        Emails = [new ScimMultiValue { Value = "r.vale@work.example.test", Type = "work", Primary = true }],
        EnterpriseUser = new ScimEnterpriseUser { EmployeeNumber = "E-17", Department = "Ops", Manager = new ScimManager { Value = "user_500" } },
    };

    [Fact]
    public async Task User_CreateReadReplacePatchDelete()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();

        var created = await client.CreateUserAsync(NewUser("rowan.vale@example.test"));
        var read = await client.GetUserAsync(created.Id!);
        var replaced = await client.ReplaceUserAsync(read! with { Title = "Lead" });
        var patched = await client.PatchUserAsync(created.Id!, new ScimPatchBuilder().Replace("active", false).Build(), replaced.Meta!.Version);
        var deleted = await client.DeleteUserAsync(created.Id!, patched!.Meta!.Version);
        var afterDelete = await client.GetUserAsync(created.Id!);
        var deletedAgain = await client.DeleteUserAsync(created.Id!);

        created.Id.Should().NotBeNullOrEmpty();
        created.Meta!.Version.Should().Be("W/\"1\"");
        read!.UserName.Should().Be("rowan.vale@example.test");
        read.Name!.FamilyName.Should().Be("Vale");
        read.Emails.Should().ContainSingle().Which.Primary.Should().BeTrue();
        read.EnterpriseUser!.EmployeeNumber.Should().Be("E-17");
        read.EnterpriseUser.Department.Should().Be("Ops");
        read.EnterpriseUser.Manager!.Value.Should().Be("user_500");
        read.Schemas.Should().Contain(ScimSchemas.EnterpriseUser);
        replaced.Title.Should().Be("Lead");
        replaced.EnterpriseUser!.EmployeeNumber.Should().Be("E-17");
        replaced.Meta!.Version.Should().Be("W/\"2\"");
        patched.Active.Should().BeFalse();
        deleted.Should().BeTrue();
        afterDelete.Should().BeNull();
        deletedAgain.Should().BeFalse();
        harness.Simulator.Directory.UserCount.Should().Be(0);
    }

    [Fact]
    public async Task User_UnknownAttributesKeptAcrossReplace()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        const string CustomSchema = "urn:example:params:scim:schemas:extension:badge:2.0:User";
        var user = NewUser("kept@example.test");
        user.AdditionalAttributes = new Dictionary<string, JsonElement>
        {
            ["locale"] = JsonSerializer.SerializeToElement("en-NZ"),
            ["addresses"] = JsonSerializer.SerializeToElement(new[] { new { type = "work", formatted = "1 Sample Rd" } }),
            [CustomSchema] = JsonSerializer.SerializeToElement(new { badge = "B-42" }),
        };
        user.EnterpriseUser!.AdditionalAttributes = new Dictionary<string, JsonElement> { ["building"] = JsonSerializer.SerializeToElement("North") };

        var created = await client.CreateUserAsync(user);
        var read = await client.GetUserAsync(created.Id!);
        await client.ReplaceUserAsync(read! with { Title = "Lead" });
        var final = await client.GetUserAsync(created.Id!);

        final!.Title.Should().Be("Lead");
        final.AdditionalAttributes.Should().ContainKey("locale").WhoseValue.GetString().Should().Be("en-NZ");
        final.AdditionalAttributes!["addresses"][0].GetProperty("formatted").GetString().Should().Be("1 Sample Rd");
        final.AdditionalAttributes[CustomSchema].GetProperty("badge").GetString().Should().Be("B-42");
        final.Schemas.Should().Contain(CustomSchema);
        final.EnterpriseUser!.AdditionalAttributes.Should().ContainKey("building").WhoseValue.GetString().Should().Be("North");
    }

    [Fact]
    public async Task Group_MembersAddedAndOneRemovedByFilter()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var ids = new List<string>();
        foreach (var name in new[] { "a@example.test", "b@example.test", "c@example.test" })
        {
            ids.Add((await client.CreateUserAsync(new ScimUser { UserName = name })).Id!);
        }

        var group = await client.CreateGroupAsync(new ScimGroup { DisplayName = "Ops", Members = [new ScimMember { Value = ids[0] }] });
        var added = await client.PatchGroupAsync(group.Id!, new ScimPatchBuilder().AddMembers(ids[1], ids[2]).Build());
        var removed = await client.PatchGroupAsync(group.Id!, new ScimPatchBuilder().RemoveMember(ids[1]).Build());
        var read = await client.GetGroupAsync(group.Id!);
        var replaced = await client.ReplaceGroupAsync(read! with { DisplayName = "Ops West", Members = [new ScimMember { Value = ids[2] }] });
        var member = await client.GetUserAsync(ids[2]);
        var deleted = await client.DeleteGroupAsync(group.Id!, replaced.Meta!.Version);

        added!.Members!.Select(m => m.Value).Should().BeEquivalentTo(ids);
        removed!.Members!.Select(m => m.Value).Should().BeEquivalentTo([ids[0], ids[2]]);
        read!.Members!.Select(m => m.Value).Should().BeEquivalentTo([ids[0], ids[2]]);
        replaced.DisplayName.Should().Be("Ops West");
        replaced.Members.Should().ContainSingle().Which.Value.Should().Be(ids[2]);
        member!.Groups.Should().ContainSingle().Which.Value.Should().Be(group.Id);
        deleted.Should().BeTrue();
        harness.Simulator.Directory.GroupCount.Should().Be(0);
        var removeBody = JsonNode.Parse(harness.Recorder!.Requests.Where(r => r.Method == "PATCH").Last().Body!)!;
        removeBody["Operations"]![0]!["path"]!.GetValue<string>().Should().Be($"members[value eq \"{ids[1]}\"]");
    }

    [Fact]
    public async Task PatchBuilder_LowercaseOpsAndBooleans()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var user = await client.CreateUserAsync(NewUser("flags@example.test"));

        var patched = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder()
            .Replace("active", false)
            .Add("nickName", "Ro")
            .Remove("title")
            .Build());

        var body = harness.Recorder!.Requests.Single(r => r.Method == "PATCH").Body!;
        var operations = JsonNode.Parse(body)!["Operations"]!.AsArray();
        operations.Select(o => o!["op"]!.GetValue<string>()).Should().Equal("replace", "add", "remove");
        operations[0]!["value"]!.GetValueKind().Should().Be(JsonValueKind.False);
        patched!.Active.Should().BeFalse();
        patched.NickName.Should().Be("Ro");
        patched.Title.Should().BeNull();
    }

    [Fact]
    public async Task List_PagesWithServerNumbers()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        for (var i = 0; i < 250; i++)
        {
            harness.Simulator.Directory.CreateUser($"user{i:D3}@example.test");
        }

        var users = await client.ListUsersAsync(pageSize: 100).ToListAsync();
        var small = await client.ListUsersAsync(pageSize: 1000).ToListAsync();

        users.Should().HaveCount(250);
        users.Select(u => u.Id).Should().OnlyHaveUniqueItems();
        small.Should().HaveCount(250);
        var lists = harness.Recorder!.Requests.Where(r => r.Method == "GET").Select(r => r.PathAndQuery).ToList();
        lists.Take(3).Should().Equal(
            harness.Scim.BasePath + "/Users?startIndex=1&count=100",
            harness.Scim.BasePath + "/Users?startIndex=101&count=100",
            harness.Scim.BasePath + "/Users?startIndex=201&count=100");

        // The simulator clamps count to 100, so the client follows its startIndex and totalResults, not its own page size.
        lists.Skip(3).Should().HaveCount(3);
        lists[4].Should().Contain("startIndex=101");
    }

    [Fact]
    public async Task Search_FilterAndGroupListWithoutMembers()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var alice = await client.CreateUserAsync(new ScimUser { UserName = "alice@example.test", Active = true });
        await client.CreateUserAsync(new ScimUser { UserName = "bob@example.test", Active = false });
        await client.CreateGroupAsync(new ScimGroup { DisplayName = "Ops", Members = [new ScimMember { Value = alice.Id }] });

        var active = await client.ListUsersAsync(ScimFilter.Eq("active", true)).ToListAsync();
        var groups = await client.ListGroupsAsync().ToListAsync();
        var byName = await client.FindGroupByDisplayNameAsync("OPS");
        var none = await client.ListUsersAsync(ScimFilter.Sw("userName", "zed")).ToListAsync();

        active.Should().ContainSingle().Which.UserName.Should().Be("alice@example.test");
        groups.Should().ContainSingle().Which.DisplayName.Should().Be("Ops");
        byName!.DisplayName.Should().Be("Ops");
        none.Should().BeEmpty();
    }

    [Fact]
    public async Task DependencyInjection_PrimaryHandlerReachesSimulator()
    {
        await using var harness = new ScimClientHarness();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(harness.Time);
        services.AddIdaasScimClient(options =>
        {
            options.BaseAddress = new Uri("http://127.0.0.1" + harness.Scim.BasePath);
            options.BearerToken = ScimClientHarness.StaticToken;

            // The auto-advancing clock would end a finite per-attempt timeout at once.
            options.RequestTimeout = Timeout.InfiniteTimeSpan;
        }).ConfigurePrimaryHttpMessageHandler(() => harness.Scim.CreateHandler());
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IScimClient>();

        var created = await client.CreateUserAsync(new ScimUser { UserName = "di@example.test" });
        var found = await client.FindUserByUserNameAsync("DI@example.test");

        found!.Id.Should().Be(created.Id);
    }
}
