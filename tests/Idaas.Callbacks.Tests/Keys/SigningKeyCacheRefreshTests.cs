using Idaas.Callbacks.Keys;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class SigningKeyCacheRefreshTests
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ConcurrentUnknownKid_SharesOneFetch()
    {
        await using var harness = await WarmHarnessAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Stub.RespondWithJsonAfter(gate.Task, TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "k1"),
            TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));

        using var allCalled = new CountdownEvent(50);
        var lookups = Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() =>
            {
                var lookup = harness.Cache.FindAsync("k2", CancellationToken.None).AsTask();
                allCalled.Signal();
                return lookup;
            }))
            .ToList();
        allCalled.Wait(RealTimeLimit).Should().BeTrue("all 50 lookups should start while the fetch is held back");
        gate.SetResult();
        var results = await Task.WhenAll(lookups).WaitAsync(RealTimeLimit);

        harness.Stub.RequestCount.Should().Be(2, "one fetch warmed the cache and one served all 50 lookups");
        results.Should().OnlyContain(lookup => lookup.Status == SigningKeyLookupStatus.Found);
        results.Should().OnlyContain(lookup => lookup.Keys.Count == 1 && lookup.Keys[0].KeyId == "k2");
    }

    [Fact]
    public async Task NewlyPublishedKey_IsFoundInSameCall()
    {
        await using var harness = await WarmHarnessAsync();
        harness.Stub.RespondWithJson(TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "k1"),
            TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));
        var token = TestJwks.Sign(TestRsaKeys.Second, "k2");

        var lookup = await harness.Cache.FindAsync("k2", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        (await TestJwks.VerifiesWithAnyAsync(token, lookup.Keys)).Should().BeTrue();
        harness.Stub.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task UnknownKid_InsideCooldown_DoesNotFetch()
    {
        await using var harness = await WarmHarnessAsync();
        var first = await harness.Cache.FindAsync("k9", CancellationToken.None);

        var second = await harness.Cache.FindAsync("k9", CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(29.9));
        var third = await harness.Cache.FindAsync("k8", CancellationToken.None);

        first.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        second.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        third.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        harness.Stub.RequestCount.Should().Be(2, "the first unknown kid fetched once and the cooldown of 30 s blocks the rest");
    }

    [Fact]
    public async Task UnknownKid_AfterCooldown_FetchesAgain()
    {
        await using var harness = await WarmHarnessAsync();
        await harness.Cache.FindAsync("k9", CancellationToken.None);
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k9")));

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var lookup = await harness.Cache.FindAsync("k9", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.Stub.RequestCount.Should().Be(3);
    }

    [Fact]
    public async Task FailedRefresh_StartsCooldownToo()
    {
        await using var harness = await WarmHarnessAsync();
        harness.Stub.Respond(System.Net.HttpStatusCode.InternalServerError, "<html><body>Bad gateway</body></html>", "text/html");
        await harness.Cache.FindAsync("k9", CancellationToken.None);
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k9")));

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        var lookup = await harness.Cache.FindAsync("k9", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        harness.Stub.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task ExplicitRefresh_DoesNotStartCooldown()
    {
        await using var harness = await WarmHarnessAsync();
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));

        var lookup = await harness.Cache.FindAsync("k2", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found, "only refreshes triggered by an unknown kid count for the cooldown");
    }

    [Fact]
    public async Task RemovedKey_IsGoneAfterSuccessfulRefresh()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "k1"),
            TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));
        await harness.Cache.RefreshAsync(CancellationToken.None);
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None);
        var removed = await harness.Cache.FindAsync("k1", CancellationToken.None);
        var remaining = await harness.Cache.FindAsync("k2", CancellationToken.None);

        refreshed.Should().BeTrue();
        removed.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        remaining.Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.KeyLogs("SigningKeysLoaded").Should().HaveCount(2);
    }

    [Fact]
    public async Task UnchangedJwks_LogsAtDebugOnly()
    {
        await using var harness = await WarmHarnessAsync();

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None);

        refreshed.Should().BeTrue();
        harness.KeyLogs("SigningKeysLoaded").Should().ContainSingle();
        harness.KeyLogs("SigningKeysUnchanged").Should().ContainSingle();
    }

    [Fact]
    public async Task LastSuccessfulRefresh_ChangesOnlyOnSuccess()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        var before = harness.Cache.LastSuccessfulRefresh;
        await harness.Cache.RefreshAsync(CancellationToken.None);
        var loadedAt = harness.Time.GetUtcNow();

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        harness.Stub.Respond(System.Net.HttpStatusCode.ServiceUnavailable, "busy", "text/plain");
        await harness.Cache.RefreshAsync(CancellationToken.None);

        before.Should().BeNull();
        harness.Cache.LastSuccessfulRefresh.Should().Be(loadedAt);
    }

    [Fact]
    public async Task ConcurrentRefreshAsync_SharesOneFetch()
    {
        await using var harness = KeyCacheHarness.WithStub();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Stub.RespondWithJsonAfter(gate.Task, TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));

        var periodic = harness.Cache.RefreshAsync(CancellationToken.None);
        await harness.Stub.WaitForRequestAsync();
        var lookup = harness.Cache.FindAsync("k1", CancellationToken.None).AsTask();
        var prefetch = harness.Cache.RefreshAsync(CancellationToken.None);
        gate.SetResult();

        (await periodic.WaitAsync(RealTimeLimit)).Should().BeTrue();
        (await prefetch.WaitAsync(RealTimeLimit)).Should().BeTrue();
        (await lookup.WaitAsync(RealTimeLimit)).Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.Stub.RequestCount.Should().Be(1);
    }

    private static async Task<KeyCacheHarness> WarmHarnessAsync()
    {
        var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        (await harness.Cache.RefreshAsync(CancellationToken.None)).Should().BeTrue();
        await harness.Stub.WaitForRequestAsync();
        return harness;
    }
}
