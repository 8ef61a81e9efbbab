using System.Net;
using System.Text;
using System.Text.Json;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>Bodies that middleware read first, sizes at the limit, and envelope variants.</summary>
public sealed class BodyReadingTests
{
    private const int Limit = 8192;

    [Fact]
    public async Task BufferingMiddlewareReadsBodyFirst_Accepted()
    {
        await using var host = await CallbackTestHost.StartAsync(configureApp: app => app.Use(async (context, next) =>
        {
            // A logging middleware that buffers, reads to the end and leaves the position there.
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
            (await reader.ReadToEndAsync()).Should().StartWith("{\"event\":");
            await next(context);
        }));

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestCallbacks.ReadAcknowledgementAsync(response)).Success.Should().Equal("evnt_0001");
    }

    [Fact]
    public async Task JsonBindingMiddlewareReadsBodyFirst_Accepted()
    {
        // Like [FromBody] JsonElement model binding: the body is parsed as JSON before the endpoint runs.
        await using var host = await CallbackTestHost.StartAsync(configureApp: app => app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            var envelope = await context.Request.ReadFromJsonAsync<JsonElement>();
            envelope.GetProperty("event").GetString().Should().NotBeNullOrEmpty();
            await next(context);
        }));

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnbufferedMiddlewareConsumesBody_Returns400()
    {
        await using var host = await CallbackTestHost.StartAsync(configureApp: app => app.Use(async (context, next) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            await next(context);
        }));

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, CallbackRejectionReason.MalformedBody);
    }

    [Fact]
    public async Task BodyAtLimit_Accepted()
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.MaxBodyBytes = Limit);

        using var response = await host.PostAsync(PadTo(TestCallbacks.Body(TestCallbacks.UserCreated()), Limit));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BodyOneByteOverLimit_Returns413(bool chunked)
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.MaxBodyBytes = Limit);
        var body = PadTo(TestCallbacks.Body(TestCallbacks.UserCreated()), Limit + 1);

        using var response = chunked ? await PostChunkedAsync(host, body) : await host.PostAsync(body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, CallbackRejectionReason.BodyTooLarge);
        host.Inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task SmallerServerLimit_IsRaised()
    {
        await using var host = await CallbackTestHost.StartAsync(
            options => options.MaxBodyBytes = Limit,
            configureBuilder: builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 100));

        using var response = await host.PostAsync(PadTo(TestCallbacks.Body(TestCallbacks.UserCreated()), Limit));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ServerLimitAfterBodyReadStarted_Returns413()
    {
        // Once middleware starts reading, the endpoint can no longer raise the server's limit, so Kestrel's
        // own limit rejects the body inside the receiver's read. The middleware reads only the first part.
        await using var host = await CallbackTestHost.StartAsync(
            configureApp: app => app.Use(async (context, next) =>
            {
                context.Request.EnableBuffering();
                (await context.Request.Body.ReadAsync(new byte[1])).Should().Be(1);
                await next(context);
            }),
            configureBuilder: builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 100));

        using var content = new TwoPartContent(TestCallbacks.Body(TestCallbacks.UserCreated()), firstPartLength: 10);
        using var response = await host.Client.PostAsync(CallbackTestHost.Path, content);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, CallbackRejectionReason.BodyTooLarge);
    }

    [Fact]
    public async Task ChunkedWithoutContentLength_Accepted()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await PostChunkedAsync(host, TestCallbacks.Body(TestCallbacks.UserCreated()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestCallbacks.ReadAcknowledgementAsync(response)).Success.Should().Equal("evnt_0001");
    }

    [Fact]
    public async Task ByteOrderMarkAndTrailingWhitespace_Accepted()
    {
        await using var host = await CallbackTestHost.StartAsync();
        byte[] body = [0xEF, 0xBB, 0xBF, .. TestCallbacks.Body(TestCallbacks.UserCreated()), .. " \r\n\t "u8];

        using var response = await host.PostAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CapitalizedEventKey_Returns400()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var token = TestCallbacks.Token(TestCallbacks.UserCreated().ToJson());

        using var response = await host.PostAsync(Encoding.UTF8.GetBytes($$"""{"Event":"{{token}}"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, CallbackRejectionReason.MalformedBody);
    }

    [Fact]
    public async Task DuplicateEventKey_Returns400()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var token = TestCallbacks.Token(TestCallbacks.UserCreated().ToJson());

        using var response = await host.PostAsync(Encoding.UTF8.GetBytes($$"""{"event":"x","event":"{{token}}"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, CallbackRejectionReason.MalformedBody);
        host.Inbox.Count.Should().Be(0);
    }

    private static async Task<HttpResponseMessage> PostChunkedAsync(CallbackTestHost host, byte[] body)
    {
        using var content = new StreamContent(new NonSeekableStream(body));
        content.Headers.ContentType = new("application/json");
        var response = await host.Client.PostAsync(CallbackTestHost.Path, content);
        content.Headers.ContentLength.Should().BeNull("the body must go out chunked");
        return response;
    }

    // Trailing whitespace after the JSON object is allowed, so padding keeps the body valid.
    private static byte[] PadTo(byte[] body, int length)
    {
        body.Length.Should().BeLessThanOrEqualTo(length);
        var padded = new byte[length];
        body.CopyTo(padded, 0);
        padded.AsSpan(body.Length).Fill((byte)' ');
        return padded;
    }
}
