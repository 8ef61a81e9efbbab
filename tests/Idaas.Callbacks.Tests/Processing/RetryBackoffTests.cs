using Idaas.Callbacks.Processing.Internal;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(100, 300)]
    public void Bound_doubles_up_to_maximum(int attempt, int expectedSeconds)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        backoff.GetMaxDelay(attempt).Should().Be(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 2)]
    [InlineData(1.0, 4)]
    public void Jitter_scales_delay_within_bound(double jitter, int expectedSeconds)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), () => jitter);

        backoff.GetDelay(3).Should().Be(TimeSpan.FromSeconds(expectedSeconds));
    }

    [Fact]
    public void Random_delays_stay_within_bound()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

        var delays = Enumerable.Range(0, 1_000).Select(_ => backoff.GetDelay(4)).ToList();

        delays.Should().OnlyContain(delay => delay >= TimeSpan.Zero && delay <= TimeSpan.FromSeconds(8));
        delays.Distinct().Count().Should().BeGreaterThan(1, "full jitter spreads the retries");
    }
}
