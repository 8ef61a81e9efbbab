using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>Drives a <see cref="FakeTimeProvider"/> forward until a task that waits on its timers completes.</summary>
internal static class FakeTimePump
{
    /// <summary>
    /// Advances <paramref name="time"/> by <paramref name="step"/> (default 1 s) until <paramref name="task"/>
    /// completes, and fails after <paramref name="maxSteps"/> steps, so a task that waits on something else fails
    /// the test instead of hanging it.
    /// </summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null, int maxSteps = 10_000)
    {
        for (var count = 0; !task.IsCompleted; count++)
        {
            if (count == maxSteps)
            {
                throw new TimeoutException($"The task did not complete within {maxSteps} fake-time steps.");
            }

            // Lets continuations that were queued to the thread pool run before the clock moves again.
            await Task.Yield();
            if (!task.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromSeconds(1));
            }
        }

        return await task;
    }
}
