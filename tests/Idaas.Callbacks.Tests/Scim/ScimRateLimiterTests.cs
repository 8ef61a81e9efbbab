using System.Threading.RateLimiting;
using Idaas.Callbacks.Scim.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    [Fact]
    public void Full_window_refuses_with_retry_after()
    {
        using var limiter = new ScimRateLimiter(2, _time);
        using var first = limiter.AttemptAcquire();
        using var second = limiter.AttemptAcquire();
        first.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(300));

        using var third = limiter.AttemptAcquire();

        second.IsAcquired.Should().BeTrue();
        third.IsAcquired.Should().BeFalse();
        third.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).Should().BeTrue();
        retryAfter.Should().Be(TimeSpan.FromMilliseconds(700));
    }

    [Fact]
    public void Place_frees_one_second_after_response()
    {
        using var limiter = new ScimRateLimiter(1, _time);
        var lease = limiter.AttemptAcquire();
        _time.Advance(TimeSpan.FromSeconds(5));
        lease.Dispose();
        lease.Dispose();

        _time.Advance(TimeSpan.FromMilliseconds(999));
        using var early = limiter.AttemptAcquire();
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var onTime = limiter.AttemptAcquire();

        early.IsAcquired.Should().BeFalse();
        onTime.IsAcquired.Should().BeTrue();
    }

    [Fact]
    public async Task Acquire_waits_on_fake_clock()
    {
        using var limiter = new ScimRateLimiter(1, _time);
        limiter.AttemptAcquire().Dispose();

        var waiting = limiter.AcquireAsync(1).AsTask();
        waiting.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));
        using var lease = await waiting;

        lease.IsAcquired.Should().BeTrue();
    }

    [Fact]
    public void Statistics_count_leases_and_places()
    {
        using var limiter = new ScimRateLimiter(3, _time);
        using var inFlight = limiter.AttemptAcquire();
        limiter.AttemptAcquire().Dispose();
        limiter.AttemptAcquire().Dispose();
        using var overLimit = limiter.AttemptAcquire();

        var statistics = limiter.GetStatistics()!;

        statistics.TotalSuccessfulLeases.Should().Be(3);
        statistics.TotalFailedLeases.Should().Be(1);
        statistics.CurrentAvailablePermits.Should().Be(0);
        limiter.IdleDuration.Should().BeNull();
    }

    [Fact]
    public void Zero_limit_admits_everything()
    {
        using var limiter = new ScimRateLimiter(0, _time);

        var leases = Enumerable.Range(0, 1_000).Select(_ => limiter.AttemptAcquire()).ToList();

        leases.Should().OnlyContain(lease => lease.IsAcquired);
        leases.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public void More_than_one_permit_is_rejected()
    {
        using var limiter = new ScimRateLimiter(5, _time);

        var acquire = () => limiter.AttemptAcquire(2);

        acquire.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Zero_permits_checks_without_taking()
    {
        using var limiter = new ScimRateLimiter(1, _time);

        using var check = limiter.AttemptAcquire(0);
        using var place = limiter.AttemptAcquire();
        using var checkWhenFull = limiter.AttemptAcquire(0);

        check.IsAcquired.Should().BeTrue();
        place.IsAcquired.Should().BeTrue();
        checkWhenFull.IsAcquired.Should().BeFalse();
    }
}
