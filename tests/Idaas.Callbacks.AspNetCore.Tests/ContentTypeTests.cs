using System.Net;
using System.Text;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.AspNetCore.Tests;

public sealed class ContentTypeTests
{
    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/json; charset=utf-8", HttpStatusCode.OK)]
    [InlineData("application/json;charset=utf-8", HttpStatusCode.OK)]
    [InlineData("application/json;charset=UTF-8", HttpStatusCode.OK)]
    [InlineData("application/json; charset=\"utf-8\"", HttpStatusCode.OK)]
    [InlineData("application/json; charset=utf8", HttpStatusCode.OK)]
    [InlineData("Application/JSON", HttpStatusCode.OK)]
    [InlineData("APPLICATION/JSON; CHARSET=UTF-8; version=1", HttpStatusCode.OK)]
    [InlineData("text/plain", HttpStatusCode.OK)]
    [InlineData("text/plain; charset=utf-8", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("applications/json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json; charset=iso-8859-1", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain; charset=us-ascii", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("not a media type", HttpStatusCode.UnsupportedMediaType)]
    public async Task ContentType_HasDecidedOutcome(string? contentType, HttpStatusCode expected)
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.PostAsync(TestCallbacks.Body(TestCallbacks.UserCreated()), contentType);

        if (expected == HttpStatusCode.OK)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await TestCallbacks.ReadAcknowledgementAsync(response)).Success.Should().Equal("evnt_0001");
        }
        else
        {
            await response.ShouldBeProblemAsync(expected, CallbackRejectionReason.UnsupportedMediaType);
            host.Inbox.Count.Should().Be(0);
        }
    }

    [Fact]
    public async Task Latin1Charset_Returns415AndTakesNothing()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var body = Encoding.UTF8.GetString(TestCallbacks.Body(ZoeCreated()));

        using var response = await host.PostAsync(Encoding.Latin1.GetBytes(body), "application/json; charset=iso-8859-1");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, CallbackRejectionReason.UnsupportedMediaType);
        problem.GetProperty("detail").GetString().Should().Contain("UTF-8");
        host.Inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task Utf8Charset_KeepsNonAsciiName()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.PostAsync(TestCallbacks.Body(ZoeCreated()), "application/json; charset=utf-8");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = (await host.ReadInboxAsync(1)).Single();
        entry.Event.Should().BeOfType<UserCreatedEvent>().Which.User.DisplayName.Should().Be("Zoë");
    }

    [Fact]
    public async Task LenientContentType_WarnsOnceThenDebug()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var first = await host.PostAsync(TestCallbacks.Body(TestCallbacks.UserCreated("evnt_0001")), "text/plain");
        using var second = await host.PostAsync(TestCallbacks.Body(TestCallbacks.UserCreated("evnt_0002")), contentType: null);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var records = host.Logs.Where(record => record.Id.Name == "LenientContentType").ToList();
        records.Select(record => record.Level).Should().Equal(LogLevel.Warning, LogLevel.Debug);
    }

    [Fact]
    public async Task LenientContentType_NonEnvelopeBody_Returns400()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.PostAsync("event=abc"u8.ToArray(), "text/plain");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, CallbackRejectionReason.MalformedBody);
    }

    private static SyncEventBuilder ZoeCreated() => TestCallbacks.Events()
        .AddEvent("evnt_0001", IdaasEventTypes.UserCreated, TestCallbacks.T0, "user_0001", TestCallbacks.UserData("zoe", "Zoë"));
}
