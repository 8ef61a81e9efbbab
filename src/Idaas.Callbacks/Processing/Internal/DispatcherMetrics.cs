using System.Diagnostics.Metrics;

namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// The dispatcher's instruments on the <c>Idaas.Callbacks</c> meter. Tags carry the event type URN and, on
/// failures, the exception type, never event data.
/// </summary>
internal sealed class DispatcherMetrics : IDisposable
{
    public const string MeterName = "Idaas.Callbacks";

    // Set only when no IMeterFactory is registered, because a factory disposes the meters it created.
    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _handlerDuration;

    public DispatcherMetrics(IMeterFactory? meterFactory)
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

        _handled = meter.CreateCounter<long>("idaas.callbacks.events.handled", "{event}", "Events that every handler handled.");
        _retried = meter.CreateCounter<long>("idaas.callbacks.events.retried", "{attempt}", "Handler attempts that failed and are retried after a delay.");
        _deadLettered = meter.CreateCounter<long>("idaas.callbacks.events.dead_lettered", "{event}", "Events that a handler failed on every attempt.");
        _handlerDuration = meter.CreateHistogram<double>("idaas.callbacks.handler.duration", "s", "The duration of one handler attempt.");
    }

    public void RecordHandled(string eventType) => _handled.Add(1, new KeyValuePair<string, object?>("idaas.event.type", eventType));

    public void RecordRetried(string eventType, string errorType)
        => _retried.Add(1, new KeyValuePair<string, object?>("idaas.event.type", eventType), new KeyValuePair<string, object?>("error.type", errorType));

    public void RecordDeadLettered(string eventType, string errorType)
        => _deadLettered.Add(1, new KeyValuePair<string, object?>("idaas.event.type", eventType), new KeyValuePair<string, object?>("error.type", errorType));

    /// <param name="eventType">The event type URN.</param>
    /// <param name="duration">The duration of the attempt.</param>
    /// <param name="errorType">The full name of the exception type, or <see langword="null"/> on success.</param>
    public void RecordHandlerDuration(string eventType, TimeSpan duration, string? errorType)
    {
        var eventTypeTag = new KeyValuePair<string, object?>("idaas.event.type", eventType);
        if (errorType is null)
        {
            _handlerDuration.Record(duration.TotalSeconds, eventTypeTag);
        }
        else
        {
            _handlerDuration.Record(duration.TotalSeconds, eventTypeTag, new KeyValuePair<string, object?>("error.type", errorType));
        }
    }

    public void Dispose() => _ownedMeter?.Dispose();
}
