using System.Diagnostics;
using Idaas.Callbacks.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// Handles one inbox entry: checks whether it is stale, calls each handler in its own scope with retries,
/// dead-letters a handler's last failure, and completes the entry.
/// </summary>
internal sealed partial class EntryProcessor(
    IEventInbox inbox,
    HandlerRegistry registry,
    IServiceScopeFactory scopeFactory,
    IDeadLetterSink deadLetterSink,
    EntityClock entityClock,
    RetryBackoff backoff,
    DispatcherOptions options,
    TimeProvider timeProvider,
    IdaasCallbacksMetrics metrics,
    ILogger logger)
{
    /// <summary>Processes <paramref name="entry"/> and returns whether it was completed.</summary>
    /// <param name="entry">The entry, taken from the inbox and not yet completed.</param>
    /// <param name="abortToken">Canceled when the drain time is over, which leaves the entry uncompleted.</param>
    public async Task<bool> ProcessAsync(InboxEntry entry, CancellationToken abortToken)
    {
        var idaasEvent = entry.Event;
        var serviceTypes = registry.GetServiceTypes(idaasEvent.GetType());
        if (serviceTypes.Length == 0)
        {
            Log.NoHandlerRegistered(logger, idaasEvent.EventId, idaasEvent.EventType);
            return await CompleteAsync(entry, abortToken);
        }

        var isStale = idaasEvent.BusinessId is not null && entityClock.IsStale(idaasEvent.BusinessId, idaasEvent.EventTime);
        if (isStale && options.StaleEventPolicy == StaleEventPolicy.Skip)
        {
            Log.StaleEventSkipped(logger, idaasEvent.EventId, idaasEvent.EventType);
            return await CompleteAsync(entry, abortToken);
        }

        var allHandled = true;
        foreach (var serviceType in serviceTypes)
        {
            // Several handler classes may implement the same interface, and each one is retried on its own.
            var handlerCount = 1;
            for (var index = 0; index < handlerCount; index++)
            {
                (var outcome, handlerCount) = await RunWithRetriesAsync(entry, serviceType, index, isStale, abortToken);
                if (outcome == EntryOutcome.Aborted)
                {
                    return false;
                }

                allHandled &= outcome == EntryOutcome.Handled;
            }
        }

        // Only a fully applied event moves the entity's clock, because a dead-lettered one may be replayed later.
        if (allHandled)
        {
            metrics.RecordHandled(idaasEvent.EventType);
            if (idaasEvent.BusinessId is not null)
            {
                entityClock.Record(idaasEvent.BusinessId, idaasEvent.EventTime);
            }
        }

        return await CompleteAsync(entry, abortToken);
    }

    private async Task<(EntryOutcome Outcome, int HandlerCount)> RunWithRetriesAsync(InboxEntry entry, Type serviceType, int index, bool isStale, CancellationToken abortToken)
    {
        var idaasEvent = entry.Event;
        var invoke = HandlerInvoker.Get(serviceType);
        for (var attempt = 1; ; attempt++)
        {
            var context = new IdaasEventContext
            {
                TokenId = idaasEvent.TokenId,
                InstanceId = idaasEvent.InstanceId,
                ApplicationId = idaasEvent.ApplicationId,
                ReceivedAt = entry.ReceivedAt,
                Attempt = attempt,
                BatchIndex = idaasEvent.BatchIndex,
                IsStale = isStale,
            };

            Type handlerType = serviceType;
            int handlerCount;
            Activity? activity = null;
            var startedAt = timeProvider.GetTimestamp();
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var handlers = scope.ServiceProvider.GetServices(serviceType).ToArray();
                handlerCount = handlers.Length;
                if (index >= handlerCount)
                {
                    return (EntryOutcome.Handled, handlerCount);
                }

                handlerType = handlers[index]!.GetType();
                activity = StartHandleActivity(entry, handlerType, attempt);
                await invoke(handlers[index]!, idaasEvent, context, abortToken);
                metrics.RecordHandlerDuration(idaasEvent.EventType, timeProvider.GetElapsedTime(startedAt), null);
                return (EntryOutcome.Handled, handlerCount);
            }
            catch (Exception) when (abortToken.IsCancellationRequested)
            {
                return (EntryOutcome.Aborted, 0);
            }
            catch (Exception exception)
            {
                // The exception message can quote event data, so logs name only its type. The dead letter keeps the message.
                var exceptionType = exception.GetType().FullName ?? exception.GetType().Name;
                metrics.RecordHandlerDuration(idaasEvent.EventType, timeProvider.GetElapsedTime(startedAt), exceptionType);

                // The span ends here, so that it covers the attempt but not the dead letter or the retry delay.
                IdaasCallbacksActivitySource.SetError(activity, exceptionType);
                activity?.Dispose();
                activity = null;
                if (attempt >= options.MaxAttempts)
                {
                    metrics.RecordDeadLettered(idaasEvent.EventType, exceptionType);
                    Log.HandlerGaveUp(logger, handlerType.FullName, idaasEvent.EventId, idaasEvent.EventType, attempt, exceptionType);
                    var deadLetter = new DeadLetter(entry, handlerType, exceptionType, exception.Message, attempt, timeProvider.GetUtcNow());
                    return (await AddDeadLetterAsync(deadLetter, abortToken), 0);
                }

                var delay = backoff.GetDelay(attempt);
                metrics.RecordRetried(idaasEvent.EventType, exceptionType);
                Log.HandlerFailed(logger, handlerType.FullName, idaasEvent.EventId, idaasEvent.EventType, attempt, options.MaxAttempts, exceptionType, delay);
                try
                {
                    await Task.Delay(delay, timeProvider, abortToken);
                }
                catch (OperationCanceledException)
                {
                    return (EntryOutcome.Aborted, 0);
                }
            }
            finally
            {
                activity?.Dispose();
            }
        }
    }

    private async Task<EntryOutcome> AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken abortToken)
    {
        try
        {
            await deadLetterSink.AddAsync(deadLetter, abortToken);
        }
        catch (Exception) when (abortToken.IsCancellationRequested)
        {
            return EntryOutcome.Aborted;
        }
        catch (Exception exception)
        {
            // The entry is completed anyway: keeping it would hold inbox capacity forever, and this line keeps its id.
            Log.DeadLetterSinkFailed(logger, exception, deadLetter.Entry.Event.EventId, deadLetter.Entry.Event.EventType);
        }

        return EntryOutcome.DeadLettered;
    }

    private async Task<bool> CompleteAsync(InboxEntry entry, CancellationToken abortToken)
    {
        try
        {
            await inbox.CompleteAsync(entry, abortToken);
        }
        catch (Exception exception)
        {
            // Not retried: a second call could complete the entry twice.
            Log.CompleteFailed(logger, exception, entry.Event.EventId, entry.Event.EventType);
        }

        return true;
    }
}
