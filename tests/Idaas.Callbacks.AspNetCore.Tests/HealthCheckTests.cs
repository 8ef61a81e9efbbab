using System.Buffers.Text;
using System.Net;
using System.Text;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Keys;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>The health check against a real service provider, key cache and inbox, without starting a host.</summary>
public sealed class HealthCheckTests
{
    private const string Endpoint = "https://idaas-jwks.test/v2/idaas_test/app_test/provisioning/jwks";
    private static readonly IdaasSigningKey Key = IdaasSigningKey.Generate("health-k1");

    [Fact]
    public async Task InlineKeysAndEmptyInbox_AreHealthy()
    {
        await using var services = Build(options => options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson(Key));

        var entry = await CheckAsync(services);

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data["keySource"].Should().Be("inline");
        entry.Data["inboxCount"].Should().Be(0);
        entry.Data["inboxCapacity"].Should().Be(10);
        entry.Data["lastKeyRefresh"].Should().Be(Start);
    }

    [Fact]
    public async Task FailedFirstFetch_IsUnhealthy()
    {
        var jwks = new JwksHandler { Status = HttpStatusCode.InternalServerError };
        await using var services = Build(options => options.PublicKeyEndpoint = new Uri(Endpoint), jwks);
        (await services.GetRequiredService<SigningKeyCache>().RefreshAsync(CancellationToken.None)).Should().BeFalse();

        var entry = await CheckAsync(services);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("No signing key has loaded");
        entry.Data.Should().NotContainKey("lastKeyRefresh");
        jwks.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task FailureStatus_ReplacesUnhealthy()
    {
        await using var services = Build(options => options.PublicKeyEndpoint = new Uri(Endpoint), new JwksHandler(), HealthStatus.Degraded);

        var entry = await CheckAsync(services);

        entry.Status.Should().Be(HealthStatus.Degraded);
    }

    [Fact]
    public async Task KeysOlderThanTwoIntervals_AreDegraded()
    {
        var jwks = new JwksHandler { Json = IdaasJsonWebKeySet.ToJson(Key) };
        await using var services = Build(
            options =>
            {
                options.PublicKeyEndpoint = new Uri(Endpoint);
                options.SigningKeys.RefreshInterval = TimeSpan.FromHours(1);
            },
            jwks);
        (await services.GetRequiredService<SigningKeyCache>().RefreshAsync(CancellationToken.None)).Should().BeTrue();
        var time = services.GetRequiredService<FakeTimeProvider>();

        time.Advance(TimeSpan.FromHours(2));
        var atTwoIntervals = await CheckAsync(services);
        time.Advance(TimeSpan.FromSeconds(1));
        var pastTwoIntervals = await CheckAsync(services);

        atTwoIntervals.Status.Should().Be(HealthStatus.Healthy);
        pastTwoIntervals.Status.Should().Be(HealthStatus.Degraded);
        pastTwoIntervals.Description.Should().Contain("last loaded 120 minutes ago");
        pastTwoIntervals.Data["keySource"].Should().Be("endpoint");
        pastTwoIntervals.Data["lastKeyRefresh"].Should().Be(Start);
    }

    [Fact]
    public async Task OldInlineKeys_AreHealthy()
    {
        await using var services = Build(options => options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson(Key));

        services.GetRequiredService<FakeTimeProvider>().Advance(TimeSpan.FromDays(30));
        var entry = await CheckAsync(services);

        entry.Status.Should().Be(HealthStatus.Healthy);
    }

    [Theory]
    [InlineData(8, HealthStatus.Healthy)]
    [InlineData(9, HealthStatus.Degraded)]
    [InlineData(10, HealthStatus.Degraded)]
    public async Task InboxOverEightyPercent_IsDegraded(int events, HealthStatus expected)
    {
        await using var services = Build(options => options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson(Key));
        var batch = Enumerable.Range(1, events).Select(index => UserCreated($"evnt_{index:D4}")).ToList();
        var enqueue = await services.GetRequiredService<IEventInbox>().EnqueueAsync(batch, Start, CancellationToken.None);
        enqueue.Status.Should().Be(InboxEnqueueStatus.Accepted);

        var entry = await CheckAsync(services);

        entry.Status.Should().Be(expected);
        entry.Data["inboxCount"].Should().Be(events);
    }

    [Fact]
    public async Task Data_NeverContainsKeyMaterial()
    {
        await using var services = Build(options => options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson(Key));

        var entry = await CheckAsync(services);

        var modulusPrefix = Base64Url.EncodeToString(Key.Rsa.ExportParameters(false).Modulus).Substring(0, 16);
        entry.Data.Keys.Should().BeEquivalentTo("keySource", "inboxCount", "inboxCapacity", "lastKeyRefresh");
        entry.Data.Values.Should().AllSatisfy(value => value.ToString().Should().NotContain(modulusPrefix));
    }

    [Fact]
    public void AddIdaasCallbacks_NullBuilder_Throws()
    {
        var add = () => IdaasCallbacksHealthChecksBuilderExtensions.AddIdaasCallbacks(null!);

        add.Should().Throw<ArgumentNullException>().WithParameterName("builder");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AddIdaasCallbacks_BlankName_Throws(string name)
    {
        var add = () => new ServiceCollection().AddHealthChecks().AddIdaasCallbacks(name);

        add.Should().Throw<ArgumentException>().WithParameterName(nameof(name));
    }

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static ServiceProvider Build(Action<IdaasCallbackOptions> configure, JwksHandler? jwks = null, HealthStatus? failureStatus = null)
    {
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton<TimeProvider>(time);
        services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = "app_test";
            options.Inbox.Capacity = 10;
            configure(options);
        });
        if (jwks is not null)
        {
            services.AddHttpClient(SigningKeyServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => jwks);
        }

        services.AddHealthChecks().AddIdaasCallbacks(failureStatus: failureStatus, tags: ["ready"]);
        return services.BuildServiceProvider();
    }

    private static async Task<HealthReportEntry> CheckAsync(IServiceProvider services)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var entry = report.Entries.Should().ContainKey(IdaasCallbacksHealthChecksBuilderExtensions.DefaultName).WhoseValue;
        entry.Tags.Should().Equal("ready");
        return entry;
    }

    private static UserCreatedEvent UserCreated(string eventId) => new()
    {
        EventId = eventId,
        EventType = IdaasEventTypes.UserCreated,
        EventTime = Start,
        BusinessId = "user_0001",
        InstanceId = "idaas_test",
        ApplicationId = "app_test",
        TokenId = "jti_" + eventId,
        BatchIndex = 0,
        User = new IdaasUser { UserId = "user_0001" },
    };

    /// <summary>An in-memory JWKS endpoint that returns <see cref="Json"/> with <see cref="Status"/>.</summary>
    private sealed class JwksHandler : HttpMessageHandler
    {
        private int _requestCount;

        public HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

        public string Json { get; init; } = "{\"keys\":[]}";

        public int RequestCount => Volatile.Read(ref _requestCount);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requestCount);
            return Task.FromResult(new HttpResponseMessage(Status)
            {
                Content = new StringContent(Json, Encoding.UTF8, "application/json"),
                RequestMessage = request,
            });
        }
    }
}
