using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Tests.Processing;

/// <summary>One call of a test handler.</summary>
internal sealed record HandlerCall(string Handler, IdaasEvent Event, IdaasEventContext Context, Guid ScopeId);

/// <summary>
/// Records the calls of the test handlers and runs the behavior a test sets, such as waiting for a signal or
/// throwing. A singleton shared by the handlers of one host.
/// </summary>
internal sealed class HandlerProbe
{
    private readonly Lock _lock = new();
    private readonly List<HandlerCall> _calls = [];
    private readonly List<(Func<IReadOnlyList<HandlerCall>, bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    public Func<HandlerCall, CancellationToken, Task> Behavior { get; set; } = (_, _) => Task.CompletedTask;

    public IReadOnlyList<HandlerCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public Task RecordAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _calls.Add(call);
            foreach (var waiter in _waiters.Where(waiter => waiter.Condition(_calls)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return Behavior(call, cancellationToken);
    }

    /// <summary>Waits until the calls so far meet <paramref name="condition"/>; fails after 10 seconds.</summary>
    public Task WaitForAsync(Func<IReadOnlyList<HandlerCall>, bool> condition)
    {
        lock (_lock)
        {
            if (condition(_calls))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((condition, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public Task WaitForCallsAsync(int count) => WaitForAsync(calls => calls.Count >= count);
}
