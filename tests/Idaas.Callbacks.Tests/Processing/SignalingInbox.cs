using System.Diagnostics;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Tests.Processing;

/// <summary>
/// Passes every call to a real <see cref="InMemoryEventInbox"/> and records completions and the close, so
/// tests wait for them instead of sleeping.
/// </summary>
internal sealed class SignalingInbox(InMemoryEventInbox inner) : IEventInbox
{
    private readonly Lock _lock = new();
    private readonly List<string> _completedIds = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int? Capacity => inner.Capacity;

    public int Count => inner.Count;

    public Task Closed => _closed.Task;

    public IReadOnlyList<string> CompletedIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _completedIds];
            }
        }
    }

    public ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<IdaasEvent> events, DateTimeOffset receivedAt, CancellationToken cancellationToken)
        => inner.EnqueueAsync(events, receivedAt, cancellationToken);

    public ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<IdaasEvent> events, DateTimeOffset receivedAt, ActivityContext receiveActivityContext, CancellationToken cancellationToken)
        => inner.EnqueueAsync(events, receivedAt, receiveActivityContext, cancellationToken);

    public IAsyncEnumerable<InboxEntry> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    public async ValueTask CompleteAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        await inner.CompleteAsync(entry, cancellationToken);
        lock (_lock)
        {
            _completedIds.Add(entry.Event.EventId);
            foreach (var waiter in _waiters.Where(waiter => _completedIds.Count >= waiter.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public void Close()
    {
        inner.Close();
        _closed.TrySetResult();
    }

    /// <summary>Waits until <paramref name="count"/> entries were completed in total; fails after 10 seconds.</summary>
    public Task WaitForCompletedAsync(int count)
    {
        lock (_lock)
        {
            if (_completedIds.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
