using System.Diagnostics.Metrics;
using System.Net;
using Idaas.Callbacks.Internal;
using Idaas.Callbacks.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class KeyRefreshMetricsTests
{
    [Fact]
    public async Task Refreshes_AreCountedByOutcomeAndTrigger()
    {
        await using var harness = KeyCacheHarness.WithStub(configureServices: AddMetrics);
        using var refreshes = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), IdaasCallbacksMetrics.MeterName, "idaas.callbacks.keys.refreshes");
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));

        (await harness.Cache.RefreshAsync(KeyRefreshTrigger.Startup, CancellationToken.None)).Should().BeTrue();
        harness.Stub.Respond(HttpStatusCode.InternalServerError, "<html>down</html>", "text/html");
        (await harness.Cache.RefreshAsync(KeyRefreshTrigger.Periodic, CancellationToken.None)).Should().BeFalse();
        (await harness.Cache.FindAsync("k-new", CancellationToken.None)).Status.Should().Be(SigningKeyLookupStatus.UnknownKey);

        var measurements = refreshes.GetMeasurementSnapshot();
        measurements.Should().HaveCount(3);
        measurements.Should().OnlyContain(measurement => measurement.Value == 1);
        measurements[0].Tags.Should().Contain("idaas.refresh.outcome", "success").And.Contain("idaas.refresh.trigger", "startup");
        measurements[1].Tags.Should().Contain("idaas.refresh.outcome", "failure").And.Contain("idaas.refresh.trigger", "periodic");
        measurements[2].Tags.Should().Contain("idaas.refresh.outcome", "failure").And.Contain("idaas.refresh.trigger", "unknown_kid");
    }

    [Fact]
    public async Task JoinedRefresh_IsCountedOnce()
    {
        await using var harness = KeyCacheHarness.WithStub(configureServices: AddMetrics);
        using var refreshes = new MetricCollector<long>(harness.Services.GetRequiredService<IMeterFactory>(), IdaasCallbacksMetrics.MeterName, "idaas.callbacks.keys.refreshes");
        var gate = new TaskCompletionSource();
        harness.Stub.RespondWithJsonAfter(gate.Task, TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));

        var first = harness.Cache.RefreshAsync(KeyRefreshTrigger.Periodic, CancellationToken.None);
        await harness.Stub.WaitForRequestAsync();
        var second = harness.Cache.RefreshAsync(KeyRefreshTrigger.Periodic, CancellationToken.None);
        gate.SetResult();
        await Task.WhenAll(first, second);

        refreshes.GetMeasurementSnapshot().Should().ContainSingle()
            .Which.Tags.Should().Contain("idaas.refresh.outcome", "success");
    }

    // The harness registers only the key services, so the metrics are added the way AddIdaasCallbacks adds them.
    private static void AddMetrics(IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton(provider => new IdaasCallbacksMetrics(provider.GetRequiredService<IMeterFactory>(), inbox: null));
    }
}
