using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>Drives a <see cref="FakeTimeProvider"/> forward until a task that waits on its timers completes.</summary>
/// <remarks>
/// The task starts, and the clock advances, with no synchronization context. Continuations then run inline when a
/// fake timer fires inside <see cref="FakeTimeProvider.Advance"/>, instead of being posted to the test framework's
/// context, so each step finishes all the work it released before the next step, and the times the task records
/// are exact.
/// </remarks>
internal static class FakeTimePump
{
    /// <summary>
    /// Starts <paramref name="start"/> and advances <paramref name="time"/> by <paramref name="step"/> (default 1 s)
    /// until its task completes. Fails after <paramref name="maxSteps"/> steps, so a task that waits on something
    /// other than the fake clock fails the test instead of hanging it.
    /// </summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> start, TimeSpan? step = null, int maxSteps = 10_000)
    {
        var task = WithoutContext(start);
        for (var count = 0; !task.IsCompleted; count++)
        {
            if (count == maxSteps)
            {
                throw new TimeoutException($"The task did not complete within {maxSteps} fake-time steps.");
            }

            // Lets work that was queued to the thread pool, such as Kestrel's, run before the clock moves again.
            await Task.Yield();
            if (!task.IsCompleted)
            {
                WithoutContext(() =>
                {
                    time.Advance(step ?? TimeSpan.FromSeconds(1));
                    return 0;
                });
            }
        }

        return await task;
    }

    private static TResult WithoutContext<TResult>(Func<TResult> action)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
