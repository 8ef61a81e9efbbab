using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>The endpoint counts every callback once by outcome, and the inbox reports what it took and holds.</summary>
public sealed class CallbackMetricsTests
{
    private const string MeterName = "Idaas.Callbacks";

    [Fact]
    public async Task AcceptedCallback_IsCountedOnce()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var callbacks = Collect<long>(host, "idaas.callbacks.callbacks");
        using var taken = Collect<long>(host, "idaas.callbacks.events.taken");

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var measurement = callbacks.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(1);
        measurement.Tags.Should().Contain("idaas.callback.outcome", "accepted");
        measurement.Tags.Should().NotContainKey("error.type");
        var takenMeasurement = taken.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        takenMeasurement.Value.Should().Be(1);
        takenMeasurement.Tags.Should().Contain("idaas.event.type", IdaasEventTypes.UserCreated);
    }

    [Fact]
    public async Task DuplicateEvent_IsNotCountedAsTaken()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var callbacks = Collect<long>(host, "idaas.callbacks.callbacks");
        using var taken = Collect<long>(host, "idaas.callbacks.events.taken");

        using var first = await host.PostEventsAsync(TestCallbacks.UserCreated(), tokenId: "jti-0001");
        using var retry = await host.PostEventsAsync(TestCallbacks.UserCreated(), tokenId: "jti-0002");

        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        callbacks.GetMeasurementSnapshot().Should().HaveCount(2).And.OnlyContain(measurement => (string?)measurement.Tags["idaas.callback.outcome"] == "accepted");
        taken.GetMeasurementSnapshot().Should().ContainSingle();
    }

    [Fact]
    public async Task InvalidBody_IsCountedAsRejected()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var callbacks = Collect<long>(host, "idaas.callbacks.callbacks");

        using var response = await host.PostAsync(Encoding.UTF8.GetBytes("{\"event\":\"not-a-token\"}"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var measurement = callbacks.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Tags.Should().Contain("idaas.callback.outcome", "rejected");
        measurement.Tags.Should().Contain("error.type", nameof(CallbackRejectionReason.MalformedToken));
    }

    [Fact]
    public async Task UnsupportedMediaType_IsCountedAsRejected()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var callbacks = Collect<long>(host, "idaas.callbacks.callbacks");

        using var response = await host.PostAsync(TestCallbacks.Body(TestCallbacks.UserCreated()), "application/xml");

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        callbacks.GetMeasurementSnapshot().Should().ContainSingle()
            .Which.Tags.Should().Contain("error.type", nameof(CallbackRejectionReason.UnsupportedMediaType));
    }

    [Fact]
    public async Task FullInbox_IsCountedOnceAsRejected()
    {
        await using var host = await CallbackTestHost.StartAsync(options => options.Inbox.Capacity = 1);
        using var first = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0001"));
        using var callbacks = Collect<long>(host, "idaas.callbacks.callbacks");
        using var taken = Collect<long>(host, "idaas.callbacks.events.taken");

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0002"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var measurement = callbacks.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Tags.Should().Contain("idaas.callback.outcome", "rejected");
        measurement.Tags.Should().Contain("error.type", nameof(CallbackRejectionReason.InboxFull));
        taken.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task InboxDepth_ReportsInboxCount()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var depth = Collect<int>(host, "idaas.callbacks.inbox.depth");
        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated("evnt_0001")
            .AddEvent("evnt_0002", IdaasEventTypes.UserDisabled, TestCallbacks.T0.AddSeconds(1), "user_0001", TestCallbacks.UserData("rowan.vale")));

        depth.RecordObservableInstruments();

        host.Inbox.Count.Should().Be(2);
        depth.LastMeasurement!.Value.Should().Be(2);
    }

    private static MetricCollector<T> Collect<T>(CallbackTestHost host, string instrumentName)
        where T : struct
        => new(host.Services.GetRequiredService<IMeterFactory>(), MeterName, instrumentName);
}
