using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests.Scim;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that moves its clock forward by each timer's due time as soon as the timer
/// is created, so delays finish at once, and records the due times so tests can check how long the client waited.
/// </summary>
internal sealed class AutoAdvancingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero))
{
    public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            DueTimes.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }

    /// <summary>Gets the waits longer than the rate limiter's refill period of 10 ms at 100 requests per second.</summary>
    public IReadOnlyList<TimeSpan> RetryWaits => [.. DueTimes.Where(due => due > TimeSpan.FromMilliseconds(10))];
}
