using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests.Processing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer it creates, so a test advances the clock only
/// after a retry delay started and no advance is lost.
/// </summary>
internal sealed class TimerSignalingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_lock)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(waiter => _dueTimes.Count >= waiter.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>Waits until <paramref name="count"/> timers were created in total; fails after 10 seconds.</summary>
    public Task WaitForTimersAsync(int count)
    {
        lock (_lock)
        {
            if (_dueTimes.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
