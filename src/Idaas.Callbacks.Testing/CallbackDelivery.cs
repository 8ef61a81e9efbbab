namespace Idaas.Callbacks.Testing;

/// <summary>
/// Posts simulator callbacks to a receiver the way IDaaS does, and retries them until every event has a final
/// outcome: <c>POST {"event":"&lt;JWS&gt;"}</c> with <c>Content-Type: application/json;charset=utf-8</c>, a
/// 200 acknowledgement within <see cref="CallbackDeliveryOptions.Timeout"/>, and up to
/// <see cref="CallbackDeliveryOptions.MaxRetries"/> retries.
/// </summary>
/// <remarks>
/// <para>
/// An attempt fails when the receiver returns a status other than 200, sends no response in time, or the connection
/// fails. A failed attempt is retried after the next of <see cref="CallbackDeliveryOptions.RetryDelays"/> with the
/// same body, or with a newly signed one when <see cref="CallbackDeliveryOptions.ResignRetries"/> is on. On a 200
/// the events in <c>successEvents</c>, <c>skippedEvents</c> and <c>failedEvents</c> are final, and the events in
/// <c>retriedEvents</c> are sent again in a newly signed callback that carries only them and uses the same retry
/// budget. Events that a 200 acknowledgement does not list, and all events of a 200 whose body cannot be parsed,
/// are treated like a failed attempt and retried. When the budget is used up, the remaining events end as
/// <see cref="DeliveryEventOutcome.GaveUp"/>.
/// </para>
/// <para>
/// All timeouts and delays run on the <see cref="TimeProvider"/> given to the constructor, so tests with a fake
/// clock finish without waiting. Deliveries may run concurrently; instances are thread-safe.
/// </para>
/// </remarks>
public sealed partial class CallbackDelivery : IDisposable
{
    /// <summary>The <c>Content-Type</c> header value of every post, written byte for byte as IDaaS sends it.</summary>
    public const string ContentType = "application/json;charset=utf-8";

    private readonly SimulatorCallbackFactory _factory;
    private readonly TimeProvider _timeProvider;
    private readonly HttpClient _client;

    // Canceled by Dispose so that deliveries in flight end. Never disposed, because deliveries may still link to it.
    private readonly CancellationTokenSource _disposing = new();

    private readonly Lock _logLock = new();
    private readonly List<CallbackDeliveryResult> _log = [];

    private readonly Lock _flightLock = new();
    private int _inFlight;
    private TaskCompletionSource _settled = CreateCompletedSource();

    private long _sequence;
    private bool _disposed;

    /// <summary>Creates a delivery that posts to <paramref name="target"/>.</summary>
    /// <param name="target">The receiver's callback URL, such as <c>http://127.0.0.1:5000/idaas/callbacks</c>.</param>
    /// <param name="factory">The factory that signs the callback bodies.</param>
    /// <param name="options">The timeout and retry settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="handler">A handler that receives the requests in memory, or <see langword="null"/> to post over
    /// HTTP with an own <see cref="HttpClient"/>. The caller keeps ownership of the handler.</param>
    /// <param name="timeProvider">The clock for timeouts, delays and token times, or <see langword="null"/> for
    /// <see cref="TimeProvider.System"/>. Give the factory the same clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="factory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not an absolute http or https URL.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    public CallbackDelivery(
        Uri target,
        SimulatorCallbackFactory factory,
        CallbackDeliveryOptions? options = null,
        HttpMessageHandler? handler = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(factory);
        if (!target.IsAbsoluteUri || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The target '{target}' is not an absolute http or https URL. Pass the receiver's callback URL.", nameof(target));
        }

        Options = options ?? new CallbackDeliveryOptions();
        Options.Validate();

        Target = target;
        _factory = factory;
        _timeProvider = timeProvider ?? TimeProvider.System;

        // Timeouts come from Options.Timeout on the TimeProvider, so the client's own timeout is off.
        _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    /// <summary>Gets the receiver's callback URL.</summary>
    public Uri Target { get; }

    /// <summary>Gets the timeout and retry settings, read at the start of each delivery.</summary>
    public CallbackDeliveryOptions Options { get; }

    /// <summary>Gets the fault switches, read at each attempt.</summary>
    public DeliveryFaults Faults { get; } = new();

    /// <summary>Gets a snapshot of the finished deliveries, in the order they finished.</summary>
    public IReadOnlyList<CallbackDeliveryResult> Log
    {
        get
        {
            lock (_logLock)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Delivers one batch and retries until every event has a final outcome.</summary>
    /// <param name="events">The events of one callback, in order. An empty batch sends nothing, as IDaaS sends
    /// nothing for a change of an unsubscribed type, and returns a result without attempts.</param>
    /// <param name="cancellationToken">Ends the delivery; a canceled delivery is not added to <see cref="Log"/>.</param>
    /// <returns>The delivery record, which is also added to <see cref="Log"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <see cref="Options"/> is out of range.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled or this instance was disposed.</exception>
    /// <exception cref="ObjectDisposedException">This instance is disposed.</exception>
    public async Task<CallbackDeliveryResult> DeliverAsync(IReadOnlyList<SimulatorEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var simulatorEvent in events)
        {
            ArgumentNullException.ThrowIfNull(simulatorEvent, nameof(events));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        Options.Validate();

        EnterFlight();
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            var result = await DeliverCoreAsync(events, linked.Token).ConfigureAwait(false);
            lock (_logLock)
            {
                _log.Add(result);
            }

            return result;
        }
        finally
        {
            ExitFlight();
        }
    }

    /// <summary>Delivers several batches one after another, in the given order.</summary>
    /// <param name="batches">The batches, each the events of one callback.</param>
    /// <param name="order">The sending order. <see cref="DeliveryOrder.Shuffled"/> uses <see cref="CallbackDeliveryOptions.ShuffleSeed"/>.</param>
    /// <param name="cancellationToken">Ends the deliveries.</param>
    /// <returns>The delivery records in sending order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batches"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a defined value.</exception>
    public async Task<IReadOnlyList<CallbackDeliveryResult>> DeliverAllAsync(
        IEnumerable<IReadOnlyList<SimulatorEvent>> batches,
        DeliveryOrder order = DeliveryOrder.AsGiven,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var ordered = batches.ToList();
        foreach (var batch in ordered)
        {
            ArgumentNullException.ThrowIfNull(batch, nameof(batches));
        }

        switch (order)
        {
            case DeliveryOrder.AsGiven:
                break;
            case DeliveryOrder.Reversed:
                ordered.Reverse();
                break;
            case DeliveryOrder.Shuffled:
                var random = Options.ShuffleSeed is { } seed ? new Random(seed) : new Random();
                var shuffled = ordered.ToArray();
                random.Shuffle(shuffled);
                ordered = [.. shuffled];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(order), order, "The order is not a defined DeliveryOrder value. Use AsGiven, Reversed or Shuffled.");
        }

        EnterFlight();
        try
        {
            var results = new List<CallbackDeliveryResult>(ordered.Count);
            foreach (var batch in ordered)
            {
                results.Add(await DeliverAsync(batch, cancellationToken).ConfigureAwait(false));
            }

            return results;
        }
        finally
        {
            ExitFlight();
        }
    }

    /// <summary>Waits until no delivery of this instance is in flight.</summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes when the number of deliveries in flight is zero, at once if it already is.</returns>
    public Task WaitUntilSettledAsync(CancellationToken cancellationToken = default)
    {
        Task settled;
        lock (_flightLock)
        {
            settled = _settled.Task;
        }

        return settled.WaitAsync(cancellationToken);
    }

    /// <summary>Cancels the deliveries in flight and releases the HTTP client and the unpublished signing key.</summary>
    /// <remarks>A handler passed to the constructor is not disposed.</remarks>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _disposing.Cancel();
        _client.Dispose();
        DisposeUnpublishedKey();
    }

    private static TaskCompletionSource CreateCompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private void EnterFlight()
    {
        lock (_flightLock)
        {
            if (_inFlight++ == 0)
            {
                _settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void ExitFlight()
    {
        TaskCompletionSource? settled = null;
        lock (_flightLock)
        {
            if (--_inFlight == 0)
            {
                settled = _settled;
            }
        }

        settled?.TrySetResult();
    }
}
