using Idaas.Callbacks.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class SigningKeyRefreshServiceTests
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Start_WithPrefetch_LoadsKeys()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        var service = RefreshService(harness);

        await service.StartAsync(CancellationToken.None);
        await harness.Stub.WaitForRequestAsync();
        await harness.WaitForKeyLogAsync("SigningKeysLoaded");

        harness.Cache.LastSuccessfulRefresh.Should().Be(harness.Time.GetUtcNow());
        harness.Stub.RequestCount.Should().Be(1);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PeriodicRefresh_FiresWhenTimeAdvances()
    {
        await using var harness = KeyCacheHarness.WithStub(options => options.SigningKeys.RefreshInterval = TimeSpan.FromHours(1));
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        var service = RefreshService(harness);
        await service.StartAsync(CancellationToken.None);
        await harness.Stub.WaitForRequestAsync();
        await harness.WaitForKeyLogAsync("SigningKeysLoaded");
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));

        harness.Time.Advance(TimeSpan.FromMinutes(59));
        var countBeforeInterval = harness.Stub.RequestCount;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.Stub.WaitForRequestAsync();
        await harness.WaitForKeyLogAsync("SigningKeysLoaded", count: 2);

        countBeforeInterval.Should().Be(1);
        harness.Stub.RequestCount.Should().Be(2);
        (await harness.Cache.FindAsync("k2", CancellationToken.None)).Status.Should().Be(SigningKeyLookupStatus.Found);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WithoutPrefetch_FirstFetchAtInterval()
    {
        await using var harness = KeyCacheHarness.WithStub(options =>
        {
            options.SigningKeys.PrefetchOnStartup = false;
            options.SigningKeys.RefreshInterval = TimeSpan.FromMinutes(10);
        });
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        var service = RefreshService(harness);

        await service.StartAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await harness.Stub.WaitForRequestAsync();
        await harness.WaitForKeyLogAsync("SigningKeysLoaded");

        harness.Stub.RequestCount.Should().Be(1, "without the prefetch, the interval makes the first fetch");
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ZeroInterval_FetchesOnlyAtStart()
    {
        await using var harness = KeyCacheHarness.WithStub(options => options.SigningKeys.RefreshInterval = TimeSpan.Zero);
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        var service = RefreshService(harness);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(RealTimeLimit);
        harness.Time.Advance(TimeSpan.FromDays(2));

        harness.Stub.RequestCount.Should().Be(1);
        service.ExecuteTask.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task InlineJwks_ServiceFetchesNothing()
    {
        await using var harness = KeyCacheHarness.WithStub(options =>
        {
            options.PublicKeyEndpoint = null;
            options.JsonWebKeySet = TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1"));
        });
        var service = RefreshService(harness);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(RealTimeLimit);
        harness.Time.Advance(TimeSpan.FromDays(1));

        harness.Stub.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task Stop_EndsPeriodicRefresh()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        var service = RefreshService(harness);
        await service.StartAsync(CancellationToken.None);
        await harness.Stub.WaitForRequestAsync();

        await service.StopAsync(CancellationToken.None).WaitAsync(RealTimeLimit);
        harness.Time.Advance(TimeSpan.FromDays(1));

        service.ExecuteTask!.IsCompleted.Should().BeTrue();
        service.ExecuteTask.IsFaulted.Should().BeFalse();
        harness.Stub.RequestCount.Should().Be(1);
    }

    private static SigningKeyRefreshService RefreshService(KeyCacheHarness harness) =>
        harness.Services.GetServices<IHostedService>().OfType<SigningKeyRefreshService>().Single();
}
