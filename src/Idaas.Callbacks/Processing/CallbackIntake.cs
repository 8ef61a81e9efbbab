using Idaas.Callbacks.Acknowledgement;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Internal;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Processing;

/// <summary>
/// Hands the events of an accepted callback to the inbox and builds the acknowledgement for IDaaS.
/// </summary>
/// <remarks>
/// Events with a registered handler go to the inbox in one all-or-nothing enqueue, and are acknowledged as
/// successes only once the inbox took them or reported them as duplicates. Events without a handler,
/// including <see cref="UnrecognizedEvent"/> unless an <see cref="IdaasEvent"/> handler exists, are acknowledged
/// as skipped. Events that failed to decode are acknowledged as failed when they carry an event id.
/// Thread-safe.
/// </remarks>
internal sealed partial class CallbackIntake
{
    /// <summary>The <c>eventMessage</c> of a success for an event the inbox had taken before.</summary>
    internal const string DuplicateMessage = "duplicate";

    private readonly IEventInbox _inbox;
    private readonly HandlerRegistry _handlers;
    private readonly TimeProvider _timeProvider;
    private readonly IdaasCallbacksMetrics _metrics;
    private readonly ILogger _logger;

    public CallbackIntake(IEventInbox inbox, HandlerRegistry handlers, TimeProvider timeProvider, IdaasCallbacksMetrics metrics, ILogger<CallbackIntake> logger)
    {
        _inbox = inbox;
        _handlers = handlers;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Enqueues the handled events of <paramref name="callback"/> and builds the acknowledgement.</summary>
    /// <param name="callback">An accepted callback.</param>
    /// <param name="cancellationToken">Ends the wait for the inbox.</param>
    /// <returns>The acknowledgement, or the inbox status without an acknowledgement when the inbox rejected the batch.</returns>
    /// <exception cref="ArgumentException"><paramref name="callback"/> was rejected.</exception>
    public async ValueTask<CallbackIntakeResult> AcceptAsync(CallbackReceiveResult callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (!callback.IsAccepted)
        {
            throw new ArgumentException("Only an accepted callback has events to enqueue. Respond to a rejected callback with its StatusCode.", nameof(callback));
        }

        var handled = new List<IdaasEvent>(callback.Events.Count);
        var unhandled = new List<IdaasEvent>();
        foreach (var idaasEvent in callback.Events)
        {
            (_handlers.HasHandlerFor(idaasEvent.GetType()) ? handled : unhandled).Add(idaasEvent);
        }

        var enqueued = 0;
        IReadOnlySet<string> duplicates = new HashSet<string>(StringComparer.Ordinal);
        if (handled.Count > 0)
        {
            var enqueue = await _inbox.EnqueueAsync(handled, _timeProvider.GetUtcNow(), callback.ReceiveActivityContext, cancellationToken).ConfigureAwait(false);
            if (enqueue.Status != InboxEnqueueStatus.Accepted)
            {
                Log.BatchRejected(_logger, callback.Token.TokenId, handled.Count, enqueue.Status);
                return CallbackIntakeResult.Rejected(enqueue.Status);
            }

            duplicates = enqueue.DuplicateEventIds;
            // A repeat inside the batch was taken once, with its first copy, so each event id counts once.
            var counted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var idaasEvent in handled)
            {
                if (!duplicates.Contains(idaasEvent.EventId) && counted.Add(idaasEvent.EventId))
                {
                    enqueued++;
                    _metrics.RecordTaken(idaasEvent.EventType);
                }
            }
        }

        var acknowledgement = new CallbackAcknowledgement();
        foreach (var idaasEvent in handled)
        {
            // A batch may repeat an event id. The inbox took the first copy, and IDaaS gets one result per id.
            if (!acknowledgement.Contains(idaasEvent.EventId))
            {
                var message = duplicates.Contains(idaasEvent.EventId) ? DuplicateMessage : null;
                acknowledgement.AddSuccess(idaasEvent.EventId, CallbackAcknowledgement.SuccessCode, message);
            }
        }

        foreach (var idaasEvent in unhandled)
        {
            if (!acknowledgement.Contains(idaasEvent.EventId))
            {
                acknowledgement.AddSkipped(idaasEvent.EventId);
            }
        }

        AddFailures(acknowledgement, callback);
        Log.CallbackTaken(_logger, callback.Token.TokenId, enqueued, duplicates.Count, unhandled.Count, callback.FailedEvents.Count);
        return new CallbackIntakeResult(InboxEnqueueStatus.Accepted, acknowledgement, enqueued);
    }

    private void AddFailures(CallbackAcknowledgement acknowledgement, CallbackReceiveResult callback)
    {
        foreach (var failure in callback.FailedEvents)
        {
            if (string.IsNullOrWhiteSpace(failure.EventId))
            {
                // Without an id the event cannot appear in any list, so IDaaS decides on its own what to do with it.
                Log.FailedEventWithoutId(_logger, callback.Token!.TokenId, failure.BatchIndex, failure.Reason);
                continue;
            }

            Log.FailedEventAcknowledged(_logger, callback.Token!.TokenId, failure.EventId, failure.BatchIndex, failure.Reason);
            if (!acknowledgement.Contains(failure.EventId))
            {
                // The reason names members and types only, never business data, so IDaaS may show it.
                acknowledgement.AddFailed(failure.EventId, CallbackAcknowledgement.FailedCode, failure.Reason);
            }
        }
    }
}
