using System.Net;
using Idaas.Callbacks.AspNetCore.Tests.Support;

namespace Idaas.Callbacks.AspNetCore.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task HostStopping_Returns503WithRetryAfter()
    {
        await using var host = await CallbackTestHost.StartAsync();
        host.StopApplication();

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, CallbackRejectionReason.InboxClosed);
        response.ShouldRetryAfter(10);
        host.Inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task InboxClosed_Returns503WithRetryAfter()
    {
        await using var host = await CallbackTestHost.StartAsync();
        host.Inbox.Close();

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, CallbackRejectionReason.InboxClosed);
        response.ShouldRetryAfter(10);
    }
}
