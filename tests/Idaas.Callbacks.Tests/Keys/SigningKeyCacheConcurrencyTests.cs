using System.Net;
using System.Text;
using Idaas.Callbacks.Keys;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class SigningKeyCacheConcurrencyTests
{
    [Fact]
    public async Task ParallelLookupsDuringSwaps_NeverThrow()
    {
        await using var harness = KeyCacheHarness.WithStub();
        var withSecond = TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1"), TestJwks.RsaEntry(TestRsaKeys.Second, "k2"));
        var withThird = TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1"), TestJwks.RsaEntry(TestRsaKeys.Third, "k3"));
        var requests = 0;
        harness.Stub.RespondWith(_ =>
        {
            var json = Interlocked.Increment(ref requests) % 2 == 0 ? withSecond : withThird;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        });
        await harness.Cache.RefreshAsync(CancellationToken.None);
        var token = TestJwks.Sign(TestRsaKeys.First, "k1");
        using var stop = new CancellationTokenSource();

        var swaps = Task.Run(async () =>
        {
            var swapCount = 0;
            while (!stop.IsCancellationRequested || swapCount < 20)
            {
                (await harness.Cache.RefreshAsync(CancellationToken.None)).Should().BeTrue();
                swapCount++;
            }

            return swapCount;
        });
        var lookups = Enumerable.Range(0, 64).Select(worker => Task.Run(async () =>
        {
            var failures = 0;
            for (var i = 0; i < 20; i++)
            {
                var lookup = await harness.Cache.FindAsync(worker % 2 == 0 ? "k1" : null, CancellationToken.None);
                var verified = lookup.Status == SigningKeyLookupStatus.Found && await TestJwks.VerifiesWithAnyAsync(token, lookup.Keys);
                failures += verified ? 0 : 1;
            }

            return failures;
        })).ToList();
        var failuresPerWorker = await Task.WhenAll(lookups).WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var swapCount = await swaps.WaitAsync(TimeSpan.FromSeconds(10));

        failuresPerWorker.Should().OnlyContain(failures => failures == 0);
        swapCount.Should().BeGreaterThanOrEqualTo(20);
        harness.KeyLogs("SigningKeysLoaded").Should().HaveCountGreaterThanOrEqualTo(20, "every refresh swapped in a different key set");
    }
}
