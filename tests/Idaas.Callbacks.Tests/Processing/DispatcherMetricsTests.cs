using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class DispatcherMetricsTests
{
    [Fact]
    public async Task Retries_and_outcomes_are_counted()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.MaxAttempts = 2);
        var meterFactory = host.Host.Services.GetRequiredService<IMeterFactory>();
        using var handled = new MetricCollector<long>(meterFactory, "Idaas.Callbacks", "idaas.callbacks.events.handled");
        using var retried = new MetricCollector<long>(meterFactory, "Idaas.Callbacks", "idaas.callbacks.events.retried");
        using var deadLettered = new MetricCollector<long>(meterFactory, "Idaas.Callbacks", "idaas.callbacks.events.dead_lettered");
        using var duration = new MetricCollector<double>(meterFactory, "Idaas.Callbacks", "idaas.callbacks.handler.duration");
        host.Probe.Behavior = (call, _) => call.Event.EventId == "evnt_bad" ? throw new InvalidOperationException() : Task.CompletedTask;
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_bad", "user_1"), TestEvents.Created("evnt_good", "user_2"));
        await host.Time.WaitForTimersAsync(1);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Inbox.WaitForCompletedAsync(2);

        handled.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["idaas.event.type"].Should().Be("urn:alibaba:idaas:app:event:ud:user:create");
        retried.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["error.type"].Should().Be("System.InvalidOperationException");
        deadLettered.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["error.type"].Should().Be("System.InvalidOperationException");
        var durations = duration.GetMeasurementSnapshot();
        durations.Should().HaveCount(3);
        durations.Count(measurement => measurement.Tags.ContainsKey("error.type")).Should().Be(2);
        durations.Should().OnlyContain(measurement => measurement.Value >= 0);
    }
}
