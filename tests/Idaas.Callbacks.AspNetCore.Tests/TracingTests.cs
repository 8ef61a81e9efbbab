using System.Net;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>The receive and handle spans of one callback through Kestrel, the inbox and the dispatcher.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task HandleSpan_LinksToReceiveSpan()
    {
        using var recorder = new ActivityRecorder();
        await using var host = await CallbackTestHost.StartAsync(runDispatcher: true);

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_trace_e2e"), tokenId: "jti-trace-e2e");
        var handleSpans = await recorder.WaitForAsync(activity => Equals(activity.GetTagItem("idaas.event.id"), "evnt_trace_e2e"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var receive = recorder.Stopped.Should().ContainSingle(activity => Equals(activity.GetTagItem("idaas.token.id"), "jti-trace-e2e")).Subject;
        receive.OperationName.Should().Be("idaas.callbacks.receive");
        receive.GetTagItem("idaas.callback.event_count").Should().Be(1);
        var handle = handleSpans.Should().ContainSingle().Subject;
        handle.OperationName.Should().Be("idaas.callbacks.handle");
        handle.Links.Should().ContainSingle().Which.Context.SpanId.Should().Be(receive.SpanId);
        handle.Links.Single().Context.TraceId.Should().Be(receive.TraceId);
    }
}
