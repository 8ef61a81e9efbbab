using System.Net;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>Discovery endpoints and the endpoints IDaaS does not offer.</summary>
public sealed class ScimDiscoveryTests
{
    [Fact]
    public async Task ServiceProviderConfig_DescribesFeatures()
    {
        await using var harness = new ScimHarness();

        var result = await harness.GetAsync("ServiceProviderConfig");

        result.Json["patch"]!["supported"]!.GetValue<bool>().Should().BeTrue();
        result.Json["bulk"]!["supported"]!.GetValue<bool>().Should().BeFalse();
        result.Json["filter"]!["maxResults"]!.GetValue<int>().Should().Be(100);
        result.Json["etag"]!["supported"]!.GetValue<bool>().Should().BeTrue();
        result.Json["authenticationSchemes"]![0]!["type"]!.GetValue<string>().Should().Be("oauthbearertoken");
    }

    [Fact]
    public async Task ResourceTypes_ListsUserAndGroup()
    {
        await using var harness = new ScimHarness();

        var list = await harness.GetAsync("ResourceTypes");
        var user = await harness.GetAsync("ResourceTypes/User");

        list.Resources.Select(r => r["id"]!.GetValue<string>()).Should().Equal("User", "Group");
        user.Json["endpoint"]!.GetValue<string>().Should().Be("/Users");
        user.Json["schemaExtensions"]![0]!["schema"]!.GetValue<string>().Should().Be(ScimHarness.Enterprise);
    }

    [Fact]
    public async Task Schemas_DescribeCaseExact()
    {
        await using var harness = new ScimHarness();

        var list = await harness.GetAsync("Schemas");
        var user = await harness.GetAsync("Schemas/urn:ietf:params:scim:schemas:core:2.0:User");

        list.Resources.Select(r => r["id"]!.GetValue<string>()).Should().Equal(
            "urn:ietf:params:scim:schemas:core:2.0:User",
            ScimHarness.Enterprise,
            "urn:ietf:params:scim:schemas:core:2.0:Group");
        var userName = user.Json["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "userName")!;
        userName["caseExact"]!.GetValue<bool>().Should().BeFalse();
        userName["uniqueness"]!.GetValue<string>().Should().Be("server");
    }

    [Theory]
    [InlineData("GET", "Me")]
    [InlineData("POST", "Bulk")]
    [InlineData("POST", ".search")]
    [InlineData("POST", "Users/.search")]
    public async Task UnsupportedEndpoint_Returns501(string method, string path)
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(new HttpMethod(method), path, "{}");

        result.Status.Should().Be(HttpStatusCode.NotImplemented);
        result.Json["status"]!.GetValue<string>().Should().Be("501");
    }

    [Theory]
    [InlineData("GET", "Devices")]
    [InlineData("GET", "")]
    [InlineData("GET", "Users/a/b")]
    [InlineData("GET", "Schemas/urn:example:none")]
    public async Task UnknownEndpoint_Returns404(string method, string path)
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(new HttpMethod(method), path);

        result.Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Returns405()
    {
        await using var harness = new ScimHarness();

        var onCollection = await harness.SendAsync(HttpMethod.Delete, "Users");
        var onDiscovery = await harness.SendAsync(HttpMethod.Post, "Schemas", "{}");

        onCollection.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
        onDiscovery.Status.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task OtherApplication_Returns404AndIsNotCounted()
    {
        await using var harness = new ScimHarness();

        var result = await harness.SendAsync(HttpMethod.Get, "/v2/idaas_simtenant01/app_other/scim/Users");

        result.Status.Should().Be(HttpStatusCode.NotFound);
        harness.Simulator.Scim.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task RequestCount_CountsEveryRequest()
    {
        await using var harness = new ScimHarness();

        await harness.GetAsync("Users");
        await harness.GetAsync("Users/missing");
        await harness.GetAsync("Schemas");

        harness.Simulator.Scim.RequestCount.Should().Be(3);
    }
}
