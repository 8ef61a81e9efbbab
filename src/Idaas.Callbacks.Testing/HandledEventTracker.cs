namespace Idaas.Callbacks.Testing;

/// <summary>
/// Records the ids of the events that a receiver's dispatcher has handled, so that a test or an application can
/// wait for an event id without sleeping or polling.
/// </summary>
/// <remarks>
/// <para>
/// Register it with <see cref="HandledEventTrackerIdaasCallbacksBuilderExtensions.AddHandledEventTracker"/>, which
/// adds a handler for every event that records the event id after the handlers registered before it have run. An
/// event counts as handled even when one of those handlers failed on every attempt and the event was
/// dead-lettered, because the dispatcher still calls the remaining handlers. <see cref="DeadLetteredEventIds"/>
/// lists those events.
/// </para>
/// <para>
/// Some events never reach a handler, so waiting for them never completes: duplicates of an event id the inbox
/// took before (the first copy completes the wait), events that failed to decode, and events that the dispatcher
/// skips as stale under <see cref="StaleEventPolicy.Skip"/>. Pass a <see cref="CancellationToken"/> with a
/// timeout to every wait.
/// </para>
/// <para>The tracker keeps every id it records for its lifetime. Instances are thread-safe.</para>
/// </remarks>
public sealed class HandledEventTracker
{
    private readonly Lock _lock = new();

    // Guarded by _lock. A waiter entry exists only for an id that is awaited and not yet handled.
    private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
    private readonly List<string> _handledInOrder = [];
    private readonly HashSet<string> _deadLettered = new(StringComparer.Ordinal);
    private readonly List<string> _deadLetteredInOrder = [];
    private readonly Dictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    internal HandledEventTracker()
    {
    }

    /// <summary>Gets the number of distinct event ids handled so far.</summary>
    public int HandledCount
    {
        get
        {
            lock (_lock)
            {
                return _handled.Count;
            }
        }
    }

    /// <summary>Gets a snapshot of the handled event ids, in the order they were handled.</summary>
    public IReadOnlyList<string> HandledEventIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _handledInOrder];
            }
        }
    }

    /// <summary>
    /// Gets a snapshot of the ids of the events that were dead-lettered through the registered
    /// <see cref="Processing.IDeadLetterSink"/>, in the order they were dead-lettered. An event appears once even
    /// when several of its handlers failed.
    /// </summary>
    public IReadOnlyList<string> DeadLetteredEventIds
    {
        get
        {
            lock (_lock)
            {
                return [.. _deadLetteredInOrder];
            }
        }
    }

    /// <summary>Returns whether the event with <paramref name="eventId"/> has been handled.</summary>
    /// <param name="eventId">The event id, such as <c>evnt_…</c>.</param>
    /// <returns><see langword="true"/> once the tracker's handler has run for the event.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is <see langword="null"/>, empty or white space.</exception>
    public bool HasHandled(string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);

        lock (_lock)
        {
            return _handled.Contains(eventId);
        }
    }

    /// <summary>Returns whether the event with <paramref name="eventId"/> has been dead-lettered.</summary>
    /// <param name="eventId">The event id, such as <c>evnt_…</c>.</param>
    /// <returns><see langword="true"/> once a handler of the event failed on every attempt.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is <see langword="null"/>, empty or white space.</exception>
    public bool WasDeadLettered(string eventId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);

        lock (_lock)
        {
            return _deadLettered.Contains(eventId);
        }
    }

    /// <summary>Waits until the event with <paramref name="eventId"/> has been handled.</summary>
    /// <param name="eventId">The event id, such as <c>evnt_…</c>.</param>
    /// <param name="cancellationToken">Ends the wait. Give it a timeout, because some events never reach a handler.</param>
    /// <returns>A task that completes when the event is handled, at once when it was handled before.</returns>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled first. The returned task throws it.</exception>
    public Task WaitForEventAsync(string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);

        Task handled;
        lock (_lock)
        {
            if (_handled.Contains(eventId))
            {
                return Task.CompletedTask;
            }

            if (!_waiters.TryGetValue(eventId, out var waiter))
            {
                // Continuations run on the thread pool, so that awaiting code never runs inside RecordHandled's lock
                // or on the dispatcher's thread.
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(eventId, waiter);
            }

            handled = waiter.Task;
        }

        // Canceling one wait leaves the shared completion source to the other waits for the same id.
        return handled.WaitAsync(cancellationToken);
    }

    /// <summary>Waits until every event in <paramref name="eventIds"/> has been handled.</summary>
    /// <param name="eventIds">The event ids, in any order and possibly repeated.</param>
    /// <param name="cancellationToken">Ends the wait. Give it a timeout, because some events never reach a handler.</param>
    /// <returns>A task that completes when all the events are handled, at once for an empty list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="eventIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An event id is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled first. The returned task throws it.</exception>
    public Task WaitForEventsAsync(IEnumerable<string> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);

        var waits = new List<Task>();
        foreach (var eventId in eventIds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(eventId, nameof(eventIds));
            waits.Add(WaitForEventAsync(eventId, cancellationToken));
        }

        return Task.WhenAll(waits);
    }

    /// <summary>Records <paramref name="eventId"/> as handled and completes the waits for it.</summary>
    internal void RecordHandled(string eventId)
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            if (!_handled.Add(eventId))
            {
                return;
            }

            _handledInOrder.Add(eventId);
            _waiters.Remove(eventId, out waiter);
        }

        waiter?.TrySetResult();
    }

    /// <summary>Records <paramref name="eventId"/> as dead-lettered.</summary>
    internal void RecordDeadLettered(string eventId)
    {
        lock (_lock)
        {
            if (_deadLettered.Add(eventId))
            {
                _deadLetteredInOrder.Add(eventId);
            }
        }
    }
}
