using System.Text.Json.Nodes;
using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Testing.Tests.ScimClientIntegration;

/// <summary>
/// Filters, PATCH dialects and the enterprise <c>manager</c> shapes between the real client and the simulator's
/// parser, in memory.
/// </summary>
public sealed class ScimClientDialectTests
{
    private const string Enterprise = ScimSchemas.EnterpriseUser;

    private static ScimPatchRequest Patch(string op, string? path, JsonNode? value)
        => new() { Operations = [new ScimPatchOperation { Op = Enum.Parse<ScimPatchOperationType>(op, ignoreCase: true), Path = path, Value = value }] };

    [Fact]
    public async Task Filter_QuotesAndBackslashesRoundTrip()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var odd = await client.CreateUserAsync(new ScimUser { UserName = "o\"neil\\ops@example.test" });
        var group = await client.CreateGroupAsync(new ScimGroup { DisplayName = "Ops \"Night\" Shift \\ B" });
        await client.CreateGroupAsync(new ScimGroup { DisplayName = "Team (West)" });

        var foundUser = await client.FindUserByUserNameAsync("O\"NEIL\\ops@example.test");
        var foundGroup = await client.FindGroupByDisplayNameAsync("Ops \"Night\" Shift \\ B");
        var parenthesised = await client.ListGroupsAsync(ScimFilter.Eq("displayName", "Team (West)")).ToListAsync();

        foundUser!.Id.Should().Be(odd.Id);
        foundGroup!.Id.Should().Be(group.Id);
        parenthesised.Should().ContainSingle().Which.DisplayName.Should().Be("Team (West)");
        harness.Recorder!.Requests.Should().Contain(r => r.PathAndQuery.Contains("filter=userName%20eq%20%22O%5C%22NEIL%5C%5Cops%40example.test%22", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filter_CaseExactnessAndPrecedence()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var rowan = await client.CreateUserAsync(new ScimUser
        {
            UserName = "rowan.vale@example.test",
            ExternalId = "X-1",
            Title = "Engineer",
            Active = true,
            Name = new ScimName { FamilyName = "Vale" },
            Emails = [new ScimMultiValue { Value = "r.vale@work.example.test", Type = "work" }],
        });
        await client.CreateUserAsync(new ScimUser { UserName = "a", Active = false });
        await client.CreateUserAsync(new ScimUser { UserName = "b", Active = true });

        async Task<string[]> NamesAsync(ScimFilter filter) => [.. (await client.ListUsersAsync(filter).ToListAsync()).Select(u => u.UserName!).Order(StringComparer.Ordinal)];

        (await NamesAsync(ScimFilter.Eq("UserName", "ROWAN.VALE@example.test"))).Should().Equal("rowan.vale@example.test");
        (await NamesAsync(ScimFilter.Eq("externalId", "x-1"))).Should().BeEmpty();
        (await NamesAsync(ScimFilter.Eq("externalId", "X-1"))).Should().Equal("rowan.vale@example.test");
        (await NamesAsync(ScimFilter.Co("emails.value", "vale"))).Should().Equal("rowan.vale@example.test");
        (await NamesAsync(ScimFilter.Sw("name.familyName", "Va"))).Should().Equal("rowan.vale@example.test");
        (await NamesAsync(ScimFilter.Pr("title"))).Should().Equal("rowan.vale@example.test");
        (await NamesAsync(ScimFilter.Not(ScimFilter.Eq("active", false)))).Should().Equal("b", "rowan.vale@example.test");
        (await NamesAsync(ScimFilter.Has("emails", ScimFilter.Eq("type", "work").And(ScimFilter.Co("value", "@work."))))).Should().Equal("rowan.vale@example.test");

        // "and" binds tighter than "or": a or (b and active), so the inactive "a" matches.
        (await NamesAsync(ScimFilter.Eq("userName", "a").Or(ScimFilter.Eq("userName", "b").And(ScimFilter.Eq("active", true))))).Should().Equal("a", "b");
        (await NamesAsync(ScimFilter.Or(ScimFilter.Eq("userName", "a"), ScimFilter.Eq("userName", "b")).And(ScimFilter.Eq("active", true)))).Should().Equal("b");
        rowan.Id.Should().NotBeNull();
    }

    [Fact]
    public async Task Patch_EntraDialectApplied()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var user = await client.CreateUserAsync(new ScimUser { UserName = "entra@example.test", Title = "Engineer", Active = true });

        var stringFalse = await client.PatchUserAsync(user.Id!, Patch("replace", "active", "False"));
        var addActive = await client.PatchUserAsync(user.Id!, Patch("add", "active", "true"));
        var dotted = await client.PatchUserAsync(user.Id!, Patch("replace", null, new JsonObject
        {
            ["name.givenName"] = "Rowan",
            ["name.familyName"] = "Vale",
            [Enterprise + ":department"] = "Ops",
        }));
        var pathless = await client.PatchUserAsync(user.Id!, Patch("replace", null, new JsonObject { ["active"] = false }));
        var invalid = await FluentActions.Awaiting(() => client.PatchUserAsync(user.Id!, Patch("replace", "active", "maybe"))).Should().ThrowAsync<ScimException>();
        var removed = await client.PatchUserAsync(user.Id!, Patch("remove", "title", null));

        stringFalse!.Active.Should().BeFalse();
        addActive!.Active.Should().BeTrue();
        dotted!.Name!.GivenName.Should().Be("Rowan");
        dotted.Name.FamilyName.Should().Be("Vale");
        dotted.EnterpriseUser!.Department.Should().Be("Ops");
        pathless!.Active.Should().BeFalse();
        invalid.Which.StatusCode.Should().Be(400);
        invalid.Which.ScimType.Should().Be(ScimErrorTypes.InvalidValue);
        removed!.Title.Should().BeNull();
    }

    [Fact]
    public async Task Patch_ValuePathsOnEmails()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var user = await client.CreateUserAsync(new ScimUser
        {
            UserName = "emails@example.test",
            Emails =
            [
                new ScimMultiValue { Type = "work", Value = "r.vale@work.example.test", Primary = true },
                new ScimMultiValue { Type = "home", Value = "rowan@home.example.test" },
            ],
        });
        ScimPath Email(string type, string? sub = null) => ScimPath.Where("emails", ScimFilter.Eq("type", type), sub);

        var work = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace(Email("work", "value"), "rowan.vale@work.example.test").Build());
        var other = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Add(Email("other", "value"), "rv@other.example.test").Build());
        var address = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace(ScimPath.Where("addresses", ScimFilter.Eq("type", "work"), "formatted"), "12 Sample Rd").Build());
        var primary = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Replace(Email("home", "primary"), true).Build());
        var noHome = await client.PatchUserAsync(user.Id!, new ScimPatchBuilder().Remove(Email("home")).Build());

        work!.Emails!.Select(e => (e.Type, e.Value)).Should().Equal(("work", "rowan.vale@work.example.test"), ("home", "rowan@home.example.test"));
        work.Emails![0].Primary.Should().BeTrue();
        other!.Emails!.Should().Contain(e => e.Type == "other" && e.Value == "rv@other.example.test");
        address!.AdditionalAttributes!["addresses"][0].GetProperty("formatted").GetString().Should().Be("12 Sample Rd");
        primary!.Emails!.Count(e => e.Primary == true).Should().Be(1);
        primary.Emails!.Single(e => e.Primary == true).Type.Should().Be("home");
        noHome!.Emails!.Select(e => e.Type).Should().Equal("work", "other");
    }

    [Fact]
    public async Task Manager_ComplexOnWireAndStringTolerated()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        var boss = await client.CreateUserAsync(new ScimUser { UserName = "boss@example.test" });
        var user = await client.CreateUserAsync(new ScimUser
        {
            UserName = "report@example.test",
            EnterpriseUser = new ScimEnterpriseUser { EmployeeNumber = "E-17", Manager = new ScimManager { Value = boss.Id } },
        });

        var patchedString = await client.PatchUserAsync(user.Id!, Patch("add", Enterprise + ":manager", "user_500"));
        harness.Scim.Faults.ManagerAsString = true;
        var readAsString = await client.GetUserAsync(user.Id!);
        harness.Scim.Faults.ManagerAsString = false;
        var removed = await client.PatchUserAsync(user.Id!, Patch("remove", Enterprise + ":manager", null));
        var replaced = await client.ReplaceUserAsync(readAsString!, removed!.Meta!.Version);

        user.EnterpriseUser!.Manager!.Value.Should().Be(boss.Id);
        var createBody = JsonNode.Parse(harness.Recorder!.Requests.Where(r => r.Method == "POST").Last().Body!)!;
        createBody[Enterprise]!["manager"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Object);
        patchedString!.EnterpriseUser!.Manager!.Value.Should().Be("user_500");
        readAsString!.EnterpriseUser!.Manager!.Value.Should().Be("user_500");
        removed!.EnterpriseUser?.Manager.Should().BeNull();
        var putBody = JsonNode.Parse(harness.Recorder.Requests.Single(r => r.Method == "PUT").Body!)!;
        putBody[Enterprise]!["manager"]!["value"]!.GetValue<string>().Should().Be("user_500");
        replaced.EnterpriseUser!.Manager!.Value.Should().Be("user_500");
    }
}
