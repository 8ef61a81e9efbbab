using System.Net;
using System.Net.Sockets;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.AspNetCore.Tests;

public sealed class RejectionTests
{
    [Fact]
    public async Task BadSignature_Returns400Problem()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var otherKey = IdaasSigningKey.Generate("sim-k1");
        var token = new CallbackTokenSigner(otherKey).CreateToken(new CallbackTokenDescriptor
        {
            InstanceId = CallbackTestHost.InstanceId,
            ApplicationId = CallbackTestHost.ApplicationId,
            IssuedAt = DateTimeOffset.UtcNow,
            PlainData = TestCallbacks.UserCreated().ToJson(),
        });

        using var response = await host.PostAsync(CallbackTokenSigner.CreateRequestBody(token));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, CallbackRejectionReason.InvalidSignature);
        response.Headers.RetryAfter.Should().BeNull();
        host.Inbox.Count.Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OversizedBody_FiveMegabytes_Returns413Problem(bool chunked)
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.MaxBodyBytes = 4096);

        var response = await RawHttpClient.PostAsync(host.Client.BaseAddress!, CallbackTestHost.Path, 5 * 1024 * 1024, chunked);

        response.Should().StartWith("HTTP/1.1 413 ");
        response.Should().Contain("Content-Type: application/problem+json");
        response.Should().Contain("\"reason\":\"BodyTooLarge\"");
        response.Should().Contain("\"status\":413");
        response.Should().NotContain(".cs:line");
    }

    [Fact]
    public async Task OversizedBody_ViaHttpClient_Returns413Problem()
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.MaxBodyBytes = 4096);

        using var response = await host.PostAsync(new byte[4097]);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, CallbackRejectionReason.BodyTooLarge);
    }

    [Fact]
    public async Task KeysUnavailable_Returns503WithRetryAfter()
    {
        var closedPort = ClosedLoopbackPort();
        await using var host = await CallbackTestHost.StartAsync(options =>
        {
            options.JsonWebKeySet = null;
            options.PublicKeyEndpoint = new Uri($"http://127.0.0.1:{closedPort}/jwks");
            options.SigningKeys.PrefetchOnStartup = false;
        });

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, CallbackRejectionReason.KeysUnavailable);
        response.ShouldRetryAfter(10);
    }

    [Fact]
    public async Task FullInbox_Returns503AndAcknowledgesNothing()
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.Inbox.Capacity = 2);
        using var earlier = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0000"));
        var events = TestCallbacks.UserCreated("evnt_0001")
            .AddEvent("evnt_0002", Events.IdaasEventTypes.UserDisabled, TestCallbacks.T0, "user_0001", TestCallbacks.UserData("rowan.vale"));

        using var response = await host.PostEventsAsync(events);

        earlier.StatusCode.Should().Be(HttpStatusCode.OK);
        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, CallbackRejectionReason.InboxFull);
        response.ShouldRetryAfter(5);
        host.Inbox.Count.Should().Be(1);
    }

    [Fact]
    public async Task EmptyInbox_TakesBatchLargerThanCapacity()
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.Inbox.Capacity = 1);
        var events = TestCallbacks.UserCreated("evnt_0001")
            .AddEvent("evnt_0002", Events.IdaasEventTypes.UserDisabled, TestCallbacks.T0, "user_0001", TestCallbacks.UserData("rowan.vale"));

        using var response = await host.PostEventsAsync(events);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "a batch refused on every retry would be lost");
        host.Inbox.Count.Should().Be(2);
    }

    [Fact]
    public async Task FullInbox_KeepsEarlierBatch()
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.Inbox.Capacity = 1);

        using var first = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0001"));
        using var second = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0002"));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        await second.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, CallbackRejectionReason.InboxFull);
        host.Inbox.Count.Should().Be(1);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
