using System.Text;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

/// <content>The attempt loop of one delivery and the HTTP post of one attempt.</content>
public sealed partial class CallbackDelivery
{
    private const int MaxRecordedBodyCharacters = 4096;

    private async Task<CallbackDeliveryResult> DeliverCoreAsync(IReadOnlyList<SimulatorEvent> events, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var startedAt = _timeProvider.GetUtcNow();
        var timeout = Options.Timeout;
        var maxRetries = Options.MaxRetries;
        var resignRetries = Options.ResignRetries;
        var attempts = new List<DeliveryAttempt>();
        var outcomes = new Dictionary<string, DeliveryEventOutcome>(StringComparer.Ordinal);

        // An event id repeated inside the batch is sent once, as it has one outcome.
        var pending = events.DistinctBy(e => e.EventId, StringComparer.Ordinal).ToList();
        if (pending.Count > 0)
        {
            Interlocked.Increment(ref _callbacksSent);
        }

        SignedCallback? callback = null;
        for (var number = 1; pending.Count > 0; number++)
        {
            if (number > 1)
            {
                await Task.Delay(Options.GetRetryDelay(number - 1), _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (callback is null || resignRetries)
            {
                callback = Sign(pending);
            }

            var delay = Faults.Delay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            var attempt = await PostAsync(callback, number, isDuplicate: false, timeout, cancellationToken).ConfigureAwait(false);
            attempts.Add(attempt);
            CountAttempt(attempt);
            if (Faults.DuplicateDelivery)
            {
                var duplicate = await PostAsync(callback, number, isDuplicate: true, timeout, cancellationToken).ConfigureAwait(false);
                attempts.Add(duplicate);
                CountAttempt(duplicate);
            }

            if (attempt.Status == DeliveryAttemptStatus.Acknowledged)
            {
                pending = TakeFinalOutcomes(pending, attempt.Acknowledgement, outcomes);

                // The acknowledged callback is over, so the remaining events go out in a new, newly signed callback.
                callback = null;
            }

            if (pending.Count > 0 && number > maxRetries)
            {
                foreach (var simulatorEvent in pending)
                {
                    outcomes[simulatorEvent.EventId] = DeliveryEventOutcome.GaveUp;
                }

                pending.Clear();
            }
        }

        CountOutcomes(outcomes);
        return new CallbackDeliveryResult
        {
            Sequence = sequence,
            Events = [.. events],
            Attempts = attempts,
            Outcomes = outcomes,
            StartedAt = startedAt,
            CompletedAt = _timeProvider.GetUtcNow(),
        };
    }

    /// <summary>Records the final outcomes of an acknowledgement and returns the events to send again.</summary>
    private static List<SimulatorEvent> TakeFinalOutcomes(
        List<SimulatorEvent> pending,
        IReadOnlyDictionary<string, AcknowledgedEvent> acknowledgement,
        Dictionary<string, DeliveryEventOutcome> outcomes)
    {
        var remaining = new List<SimulatorEvent>();
        foreach (var simulatorEvent in pending)
        {
            switch (acknowledgement[simulatorEvent.EventId].Status)
            {
                case AcknowledgedEventStatus.Success:
                    outcomes[simulatorEvent.EventId] = DeliveryEventOutcome.Succeeded;
                    break;
                case AcknowledgedEventStatus.Skipped:
                    outcomes[simulatorEvent.EventId] = DeliveryEventOutcome.Skipped;
                    break;
                case AcknowledgedEventStatus.Failed:
                    outcomes[simulatorEvent.EventId] = DeliveryEventOutcome.Failed;
                    break;
                default:
                    // Retried, or listed nowhere: an event without a final outcome is sent again.
                    remaining.Add(simulatorEvent);
                    break;
            }
        }

        return remaining;
    }

    private async Task<DeliveryAttempt> PostAsync(SignedCallback callback, int number, bool isDuplicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var attempt = new DeliveryAttempt
        {
            Number = number,
            IsDuplicate = isDuplicate,
            StartedAt = _timeProvider.GetUtcNow(),
            Latency = TimeSpan.Zero,
            EventIds = callback.EventIds,
            TokenId = callback.TokenId,
            Token = callback.Token,
            Status = DeliveryAttemptStatus.TimedOut,
            Acknowledgement = new Dictionary<string, AcknowledgedEvent>(StringComparer.Ordinal),
        };
        var started = _timeProvider.GetTimestamp();

        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, Target) { Content = new ByteArrayContent(callback.Body) };

        // Added without validation so the value goes out as written; the parsed form would add a space after ';'.
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);

        var dropped = false;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (Faults.TryTakeDroppedResponse())
            {
                // A lost acknowledgement: the receiver has responded, but the sender waits until its timeout.
                dropped = true;
                await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
            }

            return Complete(attempt, started, (int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return attempt with
            {
                Latency = _timeProvider.GetElapsedTime(started),
                Status = DeliveryAttemptStatus.TimedOut,
                ResponseDropped = dropped,
                Error = dropped
                    ? $"The response was dropped on purpose, so the attempt waited for the {timeout.TotalSeconds} s timeout."
                    : $"No response within {timeout.TotalSeconds} s.",
            };
        }
        catch (HttpRequestException exception)
        {
            return attempt with
            {
                Latency = _timeProvider.GetElapsedTime(started),
                Status = DeliveryAttemptStatus.ConnectionFailed,
                Error = exception.Message,
            };
        }
    }

    private DeliveryAttempt Complete(DeliveryAttempt attempt, long started, int statusCode, byte[] body)
    {
        var latency = _timeProvider.GetElapsedTime(started);
        var text = Encoding.UTF8.GetString(body);
        var recordedBody = text.Length > MaxRecordedBodyCharacters ? text[..MaxRecordedBodyCharacters] : text;
        if (statusCode != 200)
        {
            return attempt with
            {
                Latency = latency,
                Status = DeliveryAttemptStatus.Rejected,
                StatusCode = statusCode,
                ResponseBody = recordedBody,
                Error = $"The receiver returned HTTP {statusCode}.",
            };
        }

        var acknowledgement = AcknowledgementParser.TryParse(body, attempt.EventIds, out var error);
        return attempt with
        {
            Latency = latency,
            Status = acknowledgement is null ? DeliveryAttemptStatus.InvalidAcknowledgement : DeliveryAttemptStatus.Acknowledged,
            StatusCode = statusCode,
            ResponseBody = recordedBody,
            Error = error,
            Acknowledgement = acknowledgement ?? attempt.Acknowledgement,
        };
    }
}
