using System.Net;
using System.Text;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.AspNetCore.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task InvalidCallback_LogsReasonAtInformation()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.PostAsync("{\"event\":\"a.b.c\"}"u8.ToArray());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var record = host.Logs.Single(log => log.Id.Name == "CallbackRejected" && log.Category!.Contains("AspNetCore", StringComparison.Ordinal));
        record.Id.Id.Should().Be(4000);
        record.Level.Should().Be(LogLevel.Information);
        record.Message.Should().Contain("400").And.Contain(nameof(CallbackRejectionReason.MalformedToken));
    }

    [Fact]
    public async Task FullInbox_LogsWarningWithoutTokenOrData()
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.Inbox.Capacity = 1);
        using var earlier = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0000"));
        var events = TestCallbacks.UserCreated("evnt_0001").AddEvent("evnt_0002", Events.IdaasEventTypes.UserDeleted, TestCallbacks.T0, "user_0001", "{}");
        var body = TestCallbacks.Body(events);

        using var response = await host.PostAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var rejected = host.Logs.Single(log => log.Id.Id == 4000);
        rejected.Level.Should().Be(LogLevel.Warning);
        rejected.Message.Should().Contain(nameof(CallbackRejectionReason.InboxFull));
        host.Logs.Should().Contain(log => log.Id.Id == 4051 && log.Level == LogLevel.Warning);

        var token = Encoding.UTF8.GetString(body)[10..^2];
        host.Logs.Should().OnlyContain(log => log.Level < LogLevel.Error);
        host.Logs.Should().NotContain(log => log.Message.Contains(token, StringComparison.Ordinal) || log.Message.Contains("rowan.vale", StringComparison.Ordinal));
    }
}
