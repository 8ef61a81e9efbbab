using System.Diagnostics;
using System.Text;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests;

/// <summary>The <c>idaas.callbacks.receive</c> span, found by the trace id of a parent that each test starts.</summary>
public sealed class ReceiveTracingTests
{
    [Fact]
    public async Task AcceptedCallback_IsTaggedWithTokenAndCount()
    {
        using var recorder = new ActivityRecorder();
        using var harness = new CallbackHarness();
        var token = harness.CreateToken();
        using var parent = new Activity("test").Start();

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue();
        var span = recorder.Stopped.Should().ContainSingle(activity => activity.TraceId == parent.TraceId).Subject;
        span.OperationName.Should().Be("idaas.callbacks.receive");
        span.ParentSpanId.Should().Be(parent.SpanId);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("idaas.token.id").Should().Be("jti-0001");
        span.GetTagItem("idaas.callback.event_count").Should().Be(1);
        span.GetTagItem("idaas.callback.failed_event_count").Should().Be(0);
        span.GetTagItem("error.type").Should().BeNull();
        result.ReceiveActivityContext.SpanId.Should().Be(span.SpanId);
    }

    [Fact]
    public async Task RejectedCallback_IsMarkedAsError()
    {
        using var recorder = new ActivityRecorder();
        using var harness = new CallbackHarness();
        using var parent = new Activity("test").Start();

        var result = await harness.Receiver.ReceiveAsync(Encoding.UTF8.GetBytes("{\"event\":\"not-a-token\"}"));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
        var span = recorder.Stopped.Should().ContainSingle(activity => activity.TraceId == parent.TraceId).Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be("MalformedToken");
        span.GetTagItem("idaas.token.id").Should().BeNull();
        result.ReceiveActivityContext.Should().Be(default(ActivityContext));
    }

    [Fact]
    public async Task OversizedStream_IsOneErrorSpan()
    {
        using var recorder = new ActivityRecorder();
        using var harness = new CallbackHarness(options => options.MaxBodyBytes = 1024);
        using var parent = new Activity("test").Start();
        using var body = new MemoryStream(new byte[2048]);

        var result = await harness.Receiver.ReceiveAsync(body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.BodyTooLarge);
        recorder.Stopped.Should().ContainSingle(activity => activity.TraceId == parent.TraceId)
            .Which.GetTagItem("error.type").Should().Be("BodyTooLarge");
    }

    [Fact]
    public async Task StreamBody_IsOneSpan()
    {
        using var recorder = new ActivityRecorder();
        using var harness = new CallbackHarness();
        using var parent = new Activity("test").Start();
        using var body = new MemoryStream(CallbackTokenSigner.CreateRequestBody(harness.CreateToken()));

        var result = await harness.Receiver.ReceiveAsync(body);

        result.IsAccepted.Should().BeTrue();
        recorder.Stopped.Should().ContainSingle(activity => activity.TraceId == parent.TraceId)
            .Which.GetTagItem("idaas.token.id").Should().Be("jti-0001");
    }

    [Fact]
    public async Task SpanTags_NeverContainToken()
    {
        using var recorder = new ActivityRecorder();
        using var harness = new CallbackHarness();
        var token = harness.CreateToken();
        using var parent = new Activity("test").Start();

        await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        var span = recorder.Stopped.Should().ContainSingle(activity => activity.TraceId == parent.TraceId).Subject;
        var signature = token[(token.LastIndexOf('.') + 1)..];
        span.TagObjects.Select(tag => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture)).Should().NotContain(value => value!.Contains(signature, StringComparison.Ordinal));
        span.TagObjects.Select(tag => tag.Key).Should().BeEquivalentTo("idaas.token.id", "idaas.callback.event_count", "idaas.callback.failed_event_count");
    }
}
