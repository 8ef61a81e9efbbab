using System.Diagnostics.Metrics;
using Idaas.Callbacks.Keys;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Internal;

/// <summary>
/// The instruments on the <c>Idaas.Callbacks</c> meter. Tags carry outcomes, rejection reasons, event type URNs
/// and exception types, never tokens, keys or event data. Registered once per service provider.
/// </summary>
internal sealed class IdaasCallbacksMetrics : IDisposable
{
    public const string MeterName = "Idaas.Callbacks";

    private const string EventTypeTag = "idaas.event.type";
    private const string ErrorTypeTag = "error.type";

    // Set only when no IMeterFactory is registered, because a factory disposes the meters it created.
    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _callbacks;
    private readonly Counter<long> _taken;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _handlerDuration;
    private readonly Counter<long> _keyRefreshes;

    /// <param name="meterFactory">The factory of the meter, or <see langword="null"/> to create and own one.</param>
    /// <param name="inbox">The inbox whose <see cref="IEventInbox.Count"/> the depth gauge reports, or <see langword="null"/> for no gauge.</param>
    public IdaasCallbacksMetrics(IMeterFactory? meterFactory, IEventInbox? inbox)
    {
        Meter meter;
        if (meterFactory is null)
        {
            _ownedMeter = new Meter(MeterName);
            meter = _ownedMeter;
        }
        else
        {
            meter = meterFactory.Create(MeterName);
        }

        _callbacks = meter.CreateCounter<long>("idaas.callbacks.callbacks", "{callback}", "Callback requests by outcome; rejections carry the rejection reason.");
        _taken = meter.CreateCounter<long>("idaas.callbacks.events.taken", "{event}", "Events the inbox took, without duplicates.");
        _handled = meter.CreateCounter<long>("idaas.callbacks.events.handled", "{event}", "Events that every handler handled.");
        _retried = meter.CreateCounter<long>("idaas.callbacks.events.retried", "{attempt}", "Handler attempts that failed and are retried after a delay.");
        _deadLettered = meter.CreateCounter<long>("idaas.callbacks.events.dead_lettered", "{event}", "Events that a handler failed on every attempt.");
        _handlerDuration = meter.CreateHistogram<double>("idaas.callbacks.handler.duration", "s", "The duration of one handler attempt.");
        _keyRefreshes = meter.CreateCounter<long>("idaas.callbacks.keys.refreshes", "{refresh}", "Fetches of the JWKS from the Public Key Endpoint by outcome and trigger.");
        if (inbox is not null)
        {
            meter.CreateObservableGauge("idaas.callbacks.inbox.depth", () => inbox.Count, "{event}", "Entries the inbox took and not yet completed.");
        }
    }

    public void RecordCallbackAccepted() => _callbacks.Add(1, new KeyValuePair<string, object?>("idaas.callback.outcome", "accepted"));

    public void RecordCallbackRejected(CallbackRejectionReason reason)
        => _callbacks.Add(1, new KeyValuePair<string, object?>("idaas.callback.outcome", "rejected"), new KeyValuePair<string, object?>(ErrorTypeTag, reason.ToString()));

    public void RecordTaken(string eventType) => _taken.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType));

    public void RecordHandled(string eventType) => _handled.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType));

    public void RecordRetried(string eventType, string errorType)
        => _retried.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType), new KeyValuePair<string, object?>(ErrorTypeTag, errorType));

    public void RecordDeadLettered(string eventType, string errorType)
        => _deadLettered.Add(1, new KeyValuePair<string, object?>(EventTypeTag, eventType), new KeyValuePair<string, object?>(ErrorTypeTag, errorType));

    /// <param name="eventType">The event type URN.</param>
    /// <param name="duration">The duration of the attempt.</param>
    /// <param name="errorType">The full name of the exception type, or <see langword="null"/> on success.</param>
    public void RecordHandlerDuration(string eventType, TimeSpan duration, string? errorType)
    {
        var eventTypeTag = new KeyValuePair<string, object?>(EventTypeTag, eventType);
        if (errorType is null)
        {
            _handlerDuration.Record(duration.TotalSeconds, eventTypeTag);
        }
        else
        {
            _handlerDuration.Record(duration.TotalSeconds, eventTypeTag, new KeyValuePair<string, object?>(ErrorTypeTag, errorType));
        }
    }

    /// <param name="trigger">What started the fetch.</param>
    /// <param name="succeeded">Whether the fetch loaded a usable key.</param>
    public void RecordKeyRefresh(KeyRefreshTrigger trigger, bool succeeded)
    {
        var triggerName = trigger switch
        {
            KeyRefreshTrigger.Startup => "startup",
            KeyRefreshTrigger.UnknownKeyId => "unknown_kid",
            _ => "periodic",
        };
        _keyRefreshes.Add(1, new KeyValuePair<string, object?>("idaas.refresh.outcome", succeeded ? "success" : "failure"), new KeyValuePair<string, object?>("idaas.refresh.trigger", triggerName));
    }

    public void Dispose() => _ownedMeter?.Dispose();
}
