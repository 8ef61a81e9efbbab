using System.Net;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Idaas.Callbacks.AspNetCore.Tests;

public sealed class MapIdaasCallbacksTests
{
    [Fact]
    public async Task Map_WithoutAddIdaasCallbacks_ThrowsNamingIt()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var map = () => app.MapIdaasCallbacks();

        map.Should().Throw<InvalidOperationException>().WithMessage("*services.AddIdaasCallbacks(...)*");
    }

    [Fact]
    public void Map_NullEndpoints_Throws()
    {
        var map = () => IdaasCallbacksEndpointRouteBuilderExtensions.MapIdaasCallbacks(null!);

        map.Should().Throw<ArgumentNullException>().WithParameterName("endpoints");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Map_BlankPattern_Throws(string pattern)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddIdaasCallbacks(options => options.ApplicationId = "app");
        await using var app = builder.Build();

        var map = () => app.MapIdaasCallbacks(pattern);

        map.Should().Throw<ArgumentException>().WithParameterName(nameof(pattern));
    }

    [Fact]
    public async Task Map_InvalidOptions_DoesNotThrow()
    {
        // Invalid options surface at host start through ValidateOnStart, not inside MapIdaasCallbacks.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddIdaasCallbacks(_ => { });
        await using var app = builder.Build();

        var map = () => app.MapIdaasCallbacks("/a");

        map.Should().NotThrow();
    }

    [Fact]
    public async Task Endpoint_AnswersOnlyPost()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.Client.GetAsync(CallbackTestHost.Path);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Endpoint_AcceptsCallback_ReturnsAcknowledgementJson()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Be("""{"successEvents":[{"eventId":"evnt_0001","eventCode":"SUCCESS","eventMessage":"SUCCESS"}],"skippedEvents":[],"failedEvents":[],"retriedEvents":[]}""");
    }

    [Fact]
    public async Task Map_CustomPattern_AddsOneNamedEndpoint()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddIdaasCallbacks(options => options.ApplicationId = "app");
        await using var app = builder.Build();

        var conventions = app.MapIdaasCallbacks("/hooks/idaas");

        conventions.Should().NotBeNull();
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).Should().ContainSingle(endpoint => endpoint.DisplayName == "IDaaS callbacks");
    }
}
