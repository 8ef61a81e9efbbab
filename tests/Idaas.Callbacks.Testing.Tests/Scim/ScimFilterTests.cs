using System.Net;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>The filter grammar of RFC 7644 on list requests: operators, precedence, value paths, escapes and caseExact.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class ScimFilterTests : IAsyncLifetime
{
    private readonly ScimHarness _harness = new();

    public async Task InitializeAsync()
    {
        await _harness.CreateUserAsync("rowan.vale@example.test", $$"""
            ,"externalId":"X-1","displayName":"Rowan Vale","title":"Engineer","active":true,"level":5,
            "name":{"givenName":"Rowan","familyName":"Vale"},
            "emails":[{"value":"rowan.vale@work.example.test","type":"work","primary":true},{"value":"rowan@home.example.test","type":"home"}],
            "{{ScimHarness.Enterprise}}":{"department":"Ops","employeeNumber":"E-17"}
            """);
        await _harness.CreateUserAsync("a", ""","externalId":"X-2","active":false,"emails":[{"value":"a@example.test","type":"work"}]""");
        await _harness.CreateUserAsync("b", ""","active":true,"name":{"familyName":"Brook"}""");
        await _harness.CreateGroupAsync("""Ops "Night" Shift \ B""");
        await _harness.CreateGroupAsync("Team (West)");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("userName eq \"rowan.vale@example.test\"", "rowan.vale@example.test")]
    [InlineData("UserName EQ \"ROWAN.VALE@example.test\"", "rowan.vale@example.test")]
    [InlineData("externalId eq \"X-1\"", "rowan.vale@example.test")]
    [InlineData("externalId eq \"x-1\"", "")]
    [InlineData("emails.value co \"vale\"", "rowan.vale@example.test")]
    [InlineData("emails co \"home.example\"", "rowan.vale@example.test")]
    [InlineData("name.familyName sw \"Va\"", "rowan.vale@example.test")]
    [InlineData("name.familyName sw \"va\"", "rowan.vale@example.test")]
    [InlineData("userName ew \".test\"", "rowan.vale@example.test")]
    [InlineData("title pr", "rowan.vale@example.test")]
    [InlineData("externalId pr", "rowan.vale@example.test,a")]
    [InlineData("not (active eq false)", "rowan.vale@example.test,b")]
    [InlineData("active eq true", "rowan.vale@example.test,b")]
    [InlineData("active ne true", "a")]
    [InlineData("userName ne \"a\"", "rowan.vale@example.test,b")]
    [InlineData("userName eq \"a\" or userName eq \"b\" and active eq true", "a,b")]
    [InlineData("(userName eq \"a\" or userName eq \"b\") and active eq true", "b")]
    [InlineData("userName eq \"b\" and active eq true or userName eq \"a\"", "a,b")]
    [InlineData("not(userName eq \"a\") and not (userName eq \"b\")", "rowan.vale@example.test")]
    [InlineData("emails[type eq \"work\" and primary eq true]", "rowan.vale@example.test")]
    [InlineData("emails[type eq \"work\"]", "rowan.vale@example.test,a")]
    [InlineData("emails[type eq \"home\" and value ew \"home.example.test\"]", "rowan.vale@example.test")]
    [InlineData("emails[not (type eq \"work\")]", "rowan.vale@example.test")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"ops\"", "rowan.vale@example.test")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"b\"", "b")]
    [InlineData("userName gt \"a\"", "rowan.vale@example.test,b")]
    [InlineData("userName ge \"b\"", "rowan.vale@example.test,b")]
    [InlineData("userName lt \"b\"", "a")]
    [InlineData("userName le \"b\"", "a,b")]
    [InlineData("meta.created ge \"2026-03-04T05:06:07Z\"", "rowan.vale@example.test,a,b")]
    [InlineData("meta.created lt \"2026-03-04T05:06:07Z\"", "")]
    [InlineData("meta.lastModified gt \"2020-01-01T00:00:00+08:00\"", "rowan.vale@example.test,a,b")]
    [InlineData("title eq null", "a,b")]
    [InlineData("title ne null", "rowan.vale@example.test")]
    [InlineData("nickName pr or title pr", "rowan.vale@example.test")]
    [InlineData("userName eq \"a\" OR userName eq \"b\"", "a,b")]
    [InlineData("active eq \"false\"", "a")]
    [InlineData("level gt 3", "rowan.vale@example.test")]
    [InlineData("level eq 5.0", "rowan.vale@example.test")]
    [InlineData("level le -1", "")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"vale\"", "rowan.vale@example.test")]
    [InlineData("emails[type eq \"work\"] and userName eq \"a\"", "a")]
    [InlineData("userName eq \"\"", "")]
    public async Task UserFilter_MatchesExpectedUsers(string filter, string expected)
    {
        var result = await _harness.GetAsync("Users?" + ScimHarness.Filter(filter));

        result.Status.Should().Be(HttpStatusCode.OK, result.Text);
        var names = result.Resources.Select(r => r["userName"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        names.Should().Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        result.Json["totalResults"]!.GetValue<int>().Should().Be(result.Resources.Count);
    }

    [Theory]
    [InlineData("displayName eq \"Ops \\\"Night\\\" Shift \\\\ B\"", "Ops \"Night\" Shift \\ B")]
    [InlineData("displayName eq \"Team (West)\"", "Team (West)")]
    [InlineData("displayName eq \"team (west)\"", "Team (West)")]
    [InlineData("displayName co \"\\\\\"", "Ops \"Night\" Shift \\ B")]
    [InlineData("displayName eq \"Team \\u0028West)\"", "Team (West)")]
    public async Task GroupFilter_HandlesEscapes(string filter, string expected)
    {
        var result = await _harness.GetAsync("Groups?" + ScimHarness.Filter(filter));

        result.Status.Should().Be(HttpStatusCode.OK, result.Text);
        result.Resources.Select(r => r["displayName"]!.GetValue<string>()).Should().Equal(expected);
    }

    [Fact]
    public async Task GroupFilter_ByMemberValuePath()
    {
        var userId = (await _harness.GetAsync("Users?" + ScimHarness.Filter("userName eq \"a\""))).Resources[0]["id"]!.GetValue<string>();
        await _harness.CreateGroupAsync("Members", userId);

        var result = await _harness.GetAsync("Groups?" + ScimHarness.Filter($"members[value eq \"{userId}\"]"));
        var caseChanged = await _harness.GetAsync("Groups?" + ScimHarness.Filter($"members[value eq \"{userId.ToUpperInvariant()}\"]"));

        result.Resources.Select(r => r["displayName"]!.GetValue<string>()).Should().Equal("Members");
        caseChanged.Resources.Should().BeEmpty();
    }

    [Theory]
    [InlineData("userName eq rowan")]
    [InlineData("emails[type eq \"work\"] eq \"x\"")]
    [InlineData("userName zz \"a\"")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("userName eq \"a")]
    [InlineData("userName eq \"a\" and")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("userName eq \"a\")")]
    [InlineData("userName")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("emails[types[value eq \"x\"]]")]
    [InlineData("name.givenName.first eq \"x\"")]
    [InlineData("1userName eq \"x\"")]
    [InlineData("active gt true")]
    [InlineData("active co \"t\"")]
    [InlineData("userName gt null")]
    [InlineData("userName eq \"bad \\q escape\"")]
    [InlineData("not userName eq \"a\"")]
    [InlineData("and eq \"a\" and")]
    public async Task InvalidFilter_Returns400InvalidFilter(string filter)
    {
        var result = await _harness.GetAsync("Users?" + ScimHarness.Filter(filter));

        result.Status.Should().Be(HttpStatusCode.BadRequest, result.Text);
        result.ScimType.Should().Be("invalidFilter");
        result.Json["status"]!.GetValue<string>().Should().Be("400");
    }

    [Fact]
    public async Task DeeplyNestedFilter_Returns400()
    {
        var filter = new string('(', 500) + "userName eq \"a\"" + new string(')', 500);

        var result = await _harness.GetAsync("Users?" + ScimHarness.Filter(filter));

        result.Status.Should().Be(HttpStatusCode.BadRequest);
        result.ScimType.Should().Be("invalidFilter");
    }
}
