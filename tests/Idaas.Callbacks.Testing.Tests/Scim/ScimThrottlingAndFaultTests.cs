using System.Net;
using System.Text.Json;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>The request-rate limit on the fake clock, and the fault switches.</summary>
public sealed class ScimThrottlingAndFaultTests
{
    [Fact]
    public async Task RateLimit_Returns429WithRetryAfter()
    {
        await using var harness = new ScimHarness(requestsPerSecond: 100);
        for (var i = 0; i < 100; i++)
        {
            (await harness.GetAsync("Users")).Status.Should().Be(HttpStatusCode.OK);
        }

        var limited = await harness.GetAsync("Users");

        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        limited.Json["status"]!.GetValue<string>().Should().Be("429");
    }

    [Fact]
    public async Task RateLimit_WindowSlidesOnFakeClock()
    {
        await using var harness = new ScimHarness(requestsPerSecond: 2);
        await harness.GetAsync("Users");
        harness.Time.Advance(TimeSpan.FromMilliseconds(600));
        await harness.GetAsync("Users");

        var limited = await harness.GetAsync("Users");
        harness.Time.Advance(TimeSpan.FromMilliseconds(400));
        var afterOldest = await harness.GetAsync("Users");
        var limitedAgain = await harness.GetAsync("Users");

        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        afterOldest.Status.Should().Be(HttpStatusCode.OK);
        limitedAgain.Status.Should().Be(HttpStatusCode.TooManyRequests);
        limitedAgain.Response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task RateLimit_ZeroTurnsItOff()
    {
        await using var harness = new ScimHarness(requestsPerSecond: 0);

        for (var i = 0; i < 150; i++)
        {
            (await harness.GetAsync("ServiceProviderConfig")).Status.Should().Be(HttpStatusCode.OK);
        }

        harness.Simulator.Scim.RequestCount.Should().Be(150);
    }

    [Fact]
    public void Options_DefaultTo100PerSecond()
    {
        new Testing.Scim.ScimServiceProviderOptions().RequestsPerSecond.Should().Be(100);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("Wed, 04 Mar 2026 05:06:10 GMT")]
    [InlineData(null)]
    public async Task ForcedThrottle_SendsRetryAfterAsSet(string? retryAfter)
    {
        await using var harness = new ScimHarness();
        harness.Simulator.Scim.Faults.ThrottleRequests = 1;
        harness.Simulator.Scim.Faults.ThrottleRetryAfter = retryAfter;

        var limited = await harness.GetAsync("Users");
        var next = await harness.GetAsync("Users");

        limited.Status.Should().Be(HttpStatusCode.TooManyRequests);
        (limited.Response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null).Should().Be(retryAfter);
        next.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ServerErrorFault_SendsRequestLimitDetail()
    {
        await using var harness = new ScimHarness();
        harness.Simulator.Scim.Faults.ServerErrorRequests = 1;

        var failed = await harness.GetAsync("Users");

        failed.Status.Should().Be(HttpStatusCode.InternalServerError);
        failed.Json["detail"]!.GetValue<string>().Should().StartWith("REQUEST_LIMIT_EXCEEDED");
        failed.Json["status"]!.GetValue<string>().Should().Be("500");
    }

    [Fact]
    public async Task DroppedCreate_CommitsThenRetryGets409()
    {
        await using var harness = new ScimHarness();
        harness.Simulator.Scim.Faults.DropCreateResponses = 1;
        const string body = """{"userName":"rowan.vale@example.test"}""";

        var lost = () => harness.SendAsync(HttpMethod.Post, "Users", body);

        await lost.Should().ThrowAsync<HttpRequestException>();
        var retry = await harness.SendAsync(HttpMethod.Post, "Users", body);
        var lookup = await harness.GetAsync("Users?" + ScimHarness.Filter("userName eq \"rowan.vale@example.test\""));
        retry.Status.Should().Be(HttpStatusCode.Conflict);
        retry.ScimType.Should().Be("uniqueness");
        lookup.Resources.Should().ContainSingle();
    }

    [Fact]
    public async Task NonJsonErrorBodies_SendsHtml()
    {
        await using var harness = new ScimHarness();
        harness.Simulator.Scim.Faults.NonJsonErrorBodies = true;

        var result = await harness.GetAsync("Users/missing");

        result.Status.Should().Be(HttpStatusCode.NotFound);
        result.Response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        result.Text.Should().StartWith("<!DOCTYPE html>");
    }

    [Fact]
    public async Task OddErrorShapes_NumericStatusCapitalisedType()
    {
        await using var harness = new ScimHarness();
        harness.Simulator.Scim.Faults.NumericErrorStatus = true;
        harness.Simulator.Scim.Faults.CapitalizedScimType = true;

        var result = await harness.GetAsync("Users?" + ScimHarness.Filter("userName zz \"a\""));

        result.Json["status"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        result.Json["status"]!.GetValue<int>().Should().Be(400);
        result.ScimType.Should().Be("InvalidFilter");
    }

    [Fact]
    public async Task ManagerAsString_ReadsBareString()
    {
        await using var harness = new ScimHarness();
        var id = (await harness.CreateUserAsync("rowan", $$$""","{{{ScimHarness.Enterprise}}}":{"manager":{"value":"user_500"}}"""))["id"]!.GetValue<string>();
        harness.Simulator.Scim.Faults.ManagerAsString = true;

        var read = await harness.GetAsync($"Users/{id}");
        var patched = await harness.PatchUserAsync(id, """{"op":"replace","path":"title","value":"Lead"}""");

        read.Json[ScimHarness.Enterprise]!["manager"]!.GetValue<string>().Should().Be("user_500");
        patched[ScimHarness.Enterprise]!["manager"]!.GetValue<string>().Should().Be("user_500");
    }

    [Fact]
    public async Task OmitEmptyResources_LeavesOutResources()
    {
        await using var harness = new ScimHarness();
        harness.Simulator.Scim.Faults.OmitEmptyResources = true;

        var result = await harness.GetAsync("Users");

        result.Json.ContainsKey("Resources").Should().BeFalse();
        result.Json["totalResults"]!.GetValue<int>().Should().Be(0);
    }
}
