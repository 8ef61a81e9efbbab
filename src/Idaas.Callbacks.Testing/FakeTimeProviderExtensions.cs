using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// Extensions that run simulator work, such as a delivery with timeouts and retries, on a
/// <see cref="FakeTimeProvider"/> without waiting in real time.
/// </summary>
public static class FakeTimeProviderExtensions
{
    /// <summary>The number of clock steps after which <see cref="RunUntilCompletedAsync{T}"/> gives up by default.</summary>
    public const int DefaultMaxSteps = 10_000;

    /// <summary>
    /// Starts <paramref name="start"/> and advances <paramref name="time"/> by <paramref name="step"/> until the
    /// task completes, then returns its result.
    /// </summary>
    /// <remarks>
    /// The task starts, and the clock advances, without a synchronization context. Continuations that a fired
    /// timer releases then run inside <see cref="FakeTimeProvider.Advance"/> instead of being posted to the test
    /// framework's context, so each step finishes the work it released before the next step. Work queued to the
    /// thread pool, such as an HTTP client finishing a canceled request, can still finish a step later, so check
    /// recorded times as lower bounds.
    /// </remarks>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="time">The fake clock that the task waits on.</param>
    /// <param name="start">Starts the task, for example <c>() =&gt; delivery.DeliverAsync(events)</c>.</param>
    /// <param name="step">How far the clock moves at each step; default 1 second.</param>
    /// <param name="maxSteps">How many steps to take before giving up; default <see cref="DefaultMaxSteps"/>.</param>
    /// <returns>The task's result.</returns>
    /// <exception cref="TimeoutException">
    /// The task did not complete within <paramref name="maxSteps"/> steps, so it waits on something other than
    /// the fake clock.
    /// </exception>
    public static async Task<T> RunUntilCompletedAsync<T>(this FakeTimeProvider time, Func<Task<T>> start, TimeSpan? step = null, int maxSteps = DefaultMaxSteps)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        var stepLength = step ?? TimeSpan.FromSeconds(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(stepLength, TimeSpan.Zero, nameof(step));

        var task = WithoutSynchronizationContext(start);
        for (var count = 0; !task.IsCompleted; count++)
        {
            if (count == maxSteps)
            {
                throw new TimeoutException($"The task did not complete within {maxSteps} fake-clock steps of {stepLength}. Check that it waits only on this FakeTimeProvider.");
            }

            // Lets work queued to the thread pool run before the clock moves again.
            await Task.Yield();
            if (!task.IsCompleted)
            {
                WithoutSynchronizationContext(() =>
                {
                    time.Advance(stepLength);
                    return true;
                });
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <summary>Starts <paramref name="start"/> and advances <paramref name="time"/> until the task completes.</summary>
    /// <param name="time">The fake clock that the task waits on.</param>
    /// <param name="start">Starts the task.</param>
    /// <param name="step">How far the clock moves at each step; default 1 second.</param>
    /// <param name="maxSteps">How many steps to take before giving up; default <see cref="DefaultMaxSteps"/>.</param>
    /// <returns>A task that completes when the started task completes.</returns>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="maxSteps"/> steps.</exception>
    public static Task RunUntilCompletedAsync(this FakeTimeProvider time, Func<Task> start, TimeSpan? step = null, int maxSteps = DefaultMaxSteps)
    {
        ArgumentNullException.ThrowIfNull(start);
        return time.RunUntilCompletedAsync(
            async () =>
            {
                await start().ConfigureAwait(false);
                return true;
            },
            step,
            maxSteps);
    }

    private static TResult WithoutSynchronizationContext<TResult>(Func<TResult> action)
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
