using System.Net;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>List paging and sorting, and meta.version ETags with If-Match and If-None-Match.</summary>
public sealed class ScimPagingAndETagTests
{
    [Theory]
    [InlineData("", 1, 100)]
    [InlineData("?startIndex=1&count=10", 1, 10)]
    [InlineData("?startIndex=101&count=100", 101, 100)]
    [InlineData("?startIndex=201", 201, 50)]
    [InlineData("?startIndex=0&count=5", 1, 5)]
    [InlineData("?startIndex=-3&count=5", 1, 5)]
    [InlineData("?count=1000", 1, 100)]
    [InlineData("?startIndex=300", 300, 0)]
    [InlineData("?count=0", 1, 0)]
    [InlineData("?count=-1", 1, 0)]
    public async Task List_PagesAtMost100(string query, int startIndex, int itemsPerPage)
    {
        await using var harness = new ScimHarness();
        for (var i = 0; i < 250; i++)
        {
            harness.Simulator.Directory.CreateUser($"user{i:D3}");
        }

        var result = await harness.GetAsync("Users" + query);

        result.Status.Should().Be(HttpStatusCode.OK);
        result.Json["schemas"]![0]!.GetValue<string>().Should().Be("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        result.Json["totalResults"]!.GetValue<int>().Should().Be(250);
        result.Json["startIndex"]!.GetValue<int>().Should().Be(startIndex);
        result.Json["itemsPerPage"]!.GetValue<int>().Should().Be(itemsPerPage);
        result.Resources.Should().HaveCount(itemsPerPage);
        if (itemsPerPage > 0)
        {
            result.Resources[0]["userName"]!.GetValue<string>().Should().Be($"user{startIndex - 1:D3}");
        }
    }

    [Fact]
    public async Task List_WalksAllPagesInOrder()
    {
        await using var harness = new ScimHarness();
        for (var i = 0; i < 230; i++)
        {
            harness.Simulator.Directory.CreateUser($"user{i:D3}");
        }

        var names = new List<string>();
        for (var startIndex = 1; startIndex <= 230; startIndex += 100)
        {
            var page = await harness.GetAsync($"Users?startIndex={startIndex}&count=100");
            names.AddRange(page.Resources.Select(r => r["userName"]!.GetValue<string>()));
        }

        names.Should().HaveCount(230).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task List_Empty_HasEmptyResources()
    {
        await using var harness = new ScimHarness();

        var result = await harness.GetAsync("Users");

        result.Json["totalResults"]!.GetValue<int>().Should().Be(0);
        result.Json["itemsPerPage"]!.GetValue<int>().Should().Be(0);
        result.Json["Resources"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task List_NonNumericCount_Returns400()
    {
        await using var harness = new ScimHarness();

        var result = await harness.GetAsync("Users?count=ten");

        result.Status.Should().Be(HttpStatusCode.BadRequest);
        result.ScimType.Should().Be("invalidValue");
    }

    [Fact]
    public async Task List_FilteredAndPaged_CountsMatches()
    {
        await using var harness = new ScimHarness();
        for (var i = 0; i < 30; i++)
        {
            harness.Simulator.Directory.CreateUser(i % 2 == 0 ? $"even{i:D2}" : $"odd{i:D2}");
        }

        var result = await harness.GetAsync("Users?startIndex=11&count=10&" + ScimHarness.Filter("userName sw \"EVEN\""));

        result.Json["totalResults"]!.GetValue<int>().Should().Be(15);
        result.Json["itemsPerPage"]!.GetValue<int>().Should().Be(5);
        result.Resources[0]["userName"]!.GetValue<string>().Should().Be("even20");
    }

    [Theory]
    [InlineData("sortBy=userName", "alpha,Bravo,charlie,")]
    [InlineData("sortBy=USERNAME&sortOrder=descending", "charlie,Bravo,alpha,")]
    [InlineData("sortBy=title", "charlie,alpha,Bravo,")]
    [InlineData("sortBy=emails.value", "Bravo,charlie,alpha,")]
    public async Task List_SortBy(string query, string expected)
    {
        await using var harness = new ScimHarness();
        await harness.CreateUserAsync("charlie", ""","title":"A","emails":[{"value":"c2@example.test"}]""");
        await harness.CreateUserAsync("alpha", ""","title":"B" """);
        await harness.CreateUserAsync("Bravo", ""","emails":[{"value":"x@example.test"},{"value":"b@example.test","primary":true}]""");

        var result = await harness.GetAsync("Users?" + query);

        string.Concat(result.Resources.Select(r => r["userName"]!.GetValue<string>() + ",")).Should().Be(expected);
    }

    [Fact]
    public async Task ETag_IsWeakVersionThatGrows()
    {
        await using var harness = new ScimHarness();
        var created = await harness.CreateUserAsync("rowan");
        var id = created["id"]!.GetValue<string>();

        var patched = await harness.PatchUserAsync(id, """{"op":"replace","path":"title","value":"Lead"}""");

        created["meta"]!["version"]!.GetValue<string>().Should().Be("W/\"1\"");
        patched["meta"]!["version"]!.GetValue<string>().Should().Be("W/\"2\"");
    }

    [Fact]
    public async Task IfMatch_Stale_Returns412AndKeepsResource()
    {
        await using var harness = new ScimHarness();
        var id = (await harness.CreateUserAsync("rowan"))["id"]!.GetValue<string>();
        await harness.PatchUserAsync(id, """{"op":"replace","path":"title","value":"A"}""");
        await harness.PatchUserAsync(id, """{"op":"replace","path":"title","value":"B"}""");

        var put = await harness.SendAsync(HttpMethod.Put, $"Users/{id}", """{"userName":"changed"}""", r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"2\""));
        var patch = await harness.SendAsync(HttpMethod.Patch, $"Users/{id}", ScimHarness.Patch("""{"op":"replace","path":"title","value":"C"}"""), r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"2\""));
        var delete = await harness.SendAsync(HttpMethod.Delete, $"Users/{id}", null, r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"2\""));
        var read = await harness.GetAsync($"Users/{id}");

        put.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        patch.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        delete.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        put.Json["status"]!.GetValue<string>().Should().Be("412");
        read.ETag.Should().Be("W/\"3\"");
        read.Json["userName"]!.GetValue<string>().Should().Be("rowan");
        read.Json["title"]!.GetValue<string>().Should().Be("B");
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    [InlineData("W/\"9\", W/\"1\"")]
    public async Task IfMatch_Current_Succeeds(string ifMatch)
    {
        await using var harness = new ScimHarness();
        var id = (await harness.CreateUserAsync("rowan"))["id"]!.GetValue<string>();

        var result = await harness.SendAsync(HttpMethod.Put, $"Users/{id}", """{"userName":"rowan2"}""", r => r.Headers.TryAddWithoutValidation("If-Match", ifMatch));

        result.Status.Should().Be(HttpStatusCode.OK);
        result.ETag.Should().Be("W/\"2\"");
    }

    [Fact]
    public async Task IfNoneMatch_Current_Returns304()
    {
        await using var harness = new ScimHarness();
        var id = (await harness.CreateUserAsync("rowan"))["id"]!.GetValue<string>();

        var notModified = await harness.GetAsync($"Users/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/\"1\""));
        var modified = await harness.GetAsync($"Users/{id}", r => r.Headers.TryAddWithoutValidation("If-None-Match", "W/\"0\""));

        notModified.Status.Should().Be(HttpStatusCode.NotModified);
        notModified.ETag.Should().Be("W/\"1\"");
        notModified.Text.Should().BeEmpty();
        modified.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GroupETag_StaleDelete_Returns412()
    {
        await using var harness = new ScimHarness();
        var group = await harness.CreateGroupAsync("Ops");
        var id = group["id"]!.GetValue<string>();
        await harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch("""{"op":"replace","path":"displayName","value":"Ops 2"}"""));

        var result = await harness.SendAsync(HttpMethod.Delete, $"Groups/{id}", null, r => r.Headers.TryAddWithoutValidation("If-Match", group["meta"]!["version"]!.GetValue<string>()));

        result.Status.Should().Be(HttpStatusCode.PreconditionFailed);
        harness.Simulator.Directory.GroupCount.Should().Be(1);
    }
}
