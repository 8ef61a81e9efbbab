using System.Diagnostics;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Processing;

/// <summary>The <c>idaas.callbacks.handle</c> span of each handler attempt and its link to the receive span.</summary>
public sealed class HandleTracingTests
{
    [Fact]
    public async Task HandledEvent_LinksToReceiveSpan()
    {
        using var recorder = new ActivityRecorder();
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>());
        await host.StartAsync();
        var receiveContext = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        await host.Inbox.EnqueueAsync([TestEvents.Created("evnt_trace_ok", "user_1")], TestEvents.Start, receiveContext, CancellationToken.None);
        await host.Inbox.WaitForCompletedAsync(1);

        var span = recorder.Stopped.Should().ContainSingle(activity => Equals(activity.GetTagItem("idaas.event.id"), "evnt_trace_ok")).Subject;
        span.OperationName.Should().Be("idaas.callbacks.handle");
        span.Kind.Should().Be(ActivityKind.Consumer);
        span.GetTagItem("idaas.event.type").Should().Be("urn:alibaba:idaas:app:event:ud:user:create");
        span.GetTagItem("idaas.handler.attempt").Should().Be(1);
        span.GetTagItem("idaas.handler.type").Should().Be(typeof(UserEventHandler).FullName);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.Links.Should().ContainSingle().Which.Context.Should().Be(receiveContext);
        span.TraceId.Should().NotBe(receiveContext.TraceId);
    }

    [Fact]
    public async Task FailedAttempts_AreErrorSpans()
    {
        using var recorder = new ActivityRecorder();
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.MaxAttempts = 2);
        host.Probe.Behavior = (_, _) => throw new InvalidOperationException("user_1 rowan.vale");
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_trace_bad", "user_1"));
        await host.Time.WaitForTimersAsync(1);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Inbox.WaitForCompletedAsync(1);

        var spans = recorder.Stopped.Where(activity => Equals(activity.GetTagItem("idaas.event.id"), "evnt_trace_bad")).ToList();
        spans.Select(span => span.GetTagItem("idaas.handler.attempt")).Should().Equal(1, 2);
        spans.Should().OnlyContain(span => span.Status == ActivityStatusCode.Error);
        spans.Should().OnlyContain(span => Equals(span.GetTagItem("error.type"), "System.InvalidOperationException"));
        spans.Should().OnlyContain(span => span.StatusDescription == "System.InvalidOperationException", "the exception message can quote event data");
        spans.Should().OnlyContain(span => span.Links.Count() == 0, "events enqueued without a receive span have no link");
    }
}
