using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Idaas.Callbacks.Scim;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Idaas.Callbacks.Testing.Tests.ScimClientIntegration;

/// <summary>The SCIM client's metrics and activities on the <c>Idaas.Callbacks</c> meter and source.</summary>
public sealed class ScimClientTelemetryTests
{
    [Fact]
    public async Task Metrics_CountRequestsAndErrors()
    {
        await using var harness = new ScimClientHarness();
        var services = new ServiceCollection().AddMetrics();
        services.AddSingleton<TimeProvider>(harness.Time);
        services.AddIdaasScimClient(options =>
        {
            options.BaseAddress = new Uri("http://127.0.0.1" + harness.Scim.BasePath);
            options.BearerToken = ScimClientHarness.StaticToken;
            options.RequestsPerSecond = 0;
            options.RequestTimeout = Timeout.InfiniteTimeSpan;
        }).ConfigurePrimaryHttpMessageHandler(() => harness.Scim.CreateHandler());
        await using var provider = services.BuildServiceProvider();
        var meterFactory = provider.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meterFactory, "Idaas.Callbacks", "idaas.scim.requests");
        using var durations = new MetricCollector<double>(meterFactory, "Idaas.Callbacks", "idaas.scim.request.duration");
        var client = provider.GetRequiredService<IScimClient>();
        harness.Scim.Faults.ThrottleRequests = 1;

        var user = await client.CreateUserAsync(new ScimUser { UserName = "metrics@example.test" });
        await FluentActions.Awaiting(() => client.ReplaceUserAsync(user, "W/\"9\"")).Should().ThrowAsync<ScimPreconditionFailedException>();

        var measurements = requests.GetMeasurementSnapshot();
        measurements.Should().HaveCount(3);
        measurements.Select(m => m.Tags["http.request.method"]).Should().Equal("POST", "POST", "PUT");
        measurements.Select(m => m.Tags["http.response.status_code"]).Should().Equal(429, 201, 412);
        measurements[0].Tags["error.type"].Should().Be("429");
        measurements[1].Tags.Should().NotContainKey("error.type");
        measurements[2].Tags["error.type"].Should().Be("412");
        durations.GetMeasurementSnapshot().Should().HaveCount(3).And.OnlyContain(m => m.Value >= 0);
        requests.Instrument!.Unit.Should().Be("{request}");
        durations.Instrument!.Unit.Should().Be("s");
    }

    [Fact]
    public async Task Activities_OnePerCallWithErrorType()
    {
        await using var harness = new ScimClientHarness();
        var client = harness.CreateClient();
        using var testSource = new ActivitySource("Idaas.Callbacks.Testing.Tests.ScimTelemetry");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Idaas.Callbacks" or "Idaas.Callbacks.Testing.Tests.ScimTelemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        for (var i = 0; i < 3; i++)
        {
            harness.Simulator.Directory.CreateUser($"traced{i}@example.test");
        }

        using (var parent = testSource.StartActivity("test"))
        {
            var user = await client.CreateUserAsync(new ScimUser { UserName = "span@example.test" });
            await client.ListUsersAsync(pageSize: 2).ToListAsync();
            await FluentActions.Awaiting(() => client.DeleteUserAsync(user.Id!, "W/\"7\"")).Should().ThrowAsync<ScimPreconditionFailedException>();
            parent!.TraceId.ToString().Should().NotBeEmpty();
        }

        var traceId = stopped.Single(a => a.OperationName == "test").TraceId;
        var spans = stopped.Where(a => a.TraceId == traceId && a.Source.Name == "Idaas.Callbacks").ToList();
        spans.Select(a => a.OperationName).Should().Equal("idaas.scim.create", "idaas.scim.list", "idaas.scim.list", "idaas.scim.delete");
        spans.Should().OnlyContain(a => a.Kind == ActivityKind.Client);
        spans[0].GetTagItem("idaas.scim.resource_type").Should().Be("User");
        spans[3].Status.Should().Be(ActivityStatusCode.Error);
        spans[3].GetTagItem("error.type").Should().Be(typeof(ScimPreconditionFailedException).FullName);
        spans[3].GetTagItem("idaas.scim.resource_id").Should().NotBeNull();
    }
}
