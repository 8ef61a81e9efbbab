namespace Idaas.Callbacks.Testing;

/// <content>The counters behind <see cref="GetStatistics"/>.</content>
public sealed partial class CallbackDelivery
{
    private long _callbacksSent;
    private long _attempts;
    private long _retries;
    private long _duplicates;
    private long _acknowledged;
    private long _rejected;
    private long _timedOut;
    private long _connectionFailed;
    private long _invalidAcknowledgements;
    private long _eventsSucceeded;
    private long _eventsSkipped;
    private long _eventsFailed;
    private long _gaveUp;

    /// <summary>Returns the counts over every delivery so far, including posts of deliveries still in flight.</summary>
    /// <returns>A snapshot of the counters. Counters read while a delivery runs may be one step apart.</returns>
    public DeliveryStatistics GetStatistics() => new()
    {
        CallbacksSent = Interlocked.Read(ref _callbacksSent),
        Attempts = Interlocked.Read(ref _attempts),
        Retries = Interlocked.Read(ref _retries),
        Duplicates = Interlocked.Read(ref _duplicates),
        Acknowledged = Interlocked.Read(ref _acknowledged),
        Rejected = Interlocked.Read(ref _rejected),
        TimedOut = Interlocked.Read(ref _timedOut),
        ConnectionFailed = Interlocked.Read(ref _connectionFailed),
        InvalidAcknowledgements = Interlocked.Read(ref _invalidAcknowledgements),
        EventsSucceeded = Interlocked.Read(ref _eventsSucceeded),
        EventsSkipped = Interlocked.Read(ref _eventsSkipped),
        EventsFailed = Interlocked.Read(ref _eventsFailed),
        GaveUp = Interlocked.Read(ref _gaveUp),
    };

    private void CountAttempt(DeliveryAttempt attempt)
    {
        Interlocked.Increment(ref _attempts);
        if (attempt.IsDuplicate)
        {
            Interlocked.Increment(ref _duplicates);
        }
        else if (attempt.Number > 1)
        {
            Interlocked.Increment(ref _retries);
        }

        switch (attempt.Status)
        {
            case DeliveryAttemptStatus.Acknowledged:
                Interlocked.Increment(ref _acknowledged);
                break;
            case DeliveryAttemptStatus.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            case DeliveryAttemptStatus.TimedOut:
                Interlocked.Increment(ref _timedOut);
                break;
            case DeliveryAttemptStatus.ConnectionFailed:
                Interlocked.Increment(ref _connectionFailed);
                break;
            default:
                Interlocked.Increment(ref _invalidAcknowledgements);
                break;
        }
    }

    private void CountOutcomes(IReadOnlyDictionary<string, DeliveryEventOutcome> outcomes)
    {
        foreach (var outcome in outcomes.Values)
        {
            switch (outcome)
            {
                case DeliveryEventOutcome.Succeeded:
                    Interlocked.Increment(ref _eventsSucceeded);
                    break;
                case DeliveryEventOutcome.Skipped:
                    Interlocked.Increment(ref _eventsSkipped);
                    break;
                case DeliveryEventOutcome.Failed:
                    Interlocked.Increment(ref _eventsFailed);
                    break;
                default:
                    Interlocked.Increment(ref _gaveUp);
                    break;
            }
        }
    }
}
