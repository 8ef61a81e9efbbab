using Idaas.Callbacks.Processing.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Processing;

/// <summary>
/// The background worker that reads the inbox and calls the handlers: up to
/// <see cref="DispatcherOptions.MaxParallelism"/> calls at once, one at a time per business id.
/// </summary>
/// <remarks>
/// Shutdown: <see cref="StopAsync"/> closes the inbox, so the endpoint rejects new callbacks, and keeps handling
/// the entries taken until they are done or the host's shutdown token fires. Then it cancels the handlers and
/// logs each entry left unhandled; those entries are not completed, so a durable inbox delivers them again.
/// </remarks>
internal sealed partial class EventDispatcher : BackgroundService
{
    // Entries read ahead of the workers, so that entries of one business id that wait together are sorted by
    // event time. The bound keeps a durable inbox from leasing its whole backlog.
    private const int MaxEntriesInMemory = 10_000;

    private static readonly TimeSpan InboxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IEventInbox _inbox;
    private readonly EntryProcessor _processor;
    private readonly EntityScheduler _scheduler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _readAhead = new(MaxEntriesInMemory, MaxEntriesInMemory);

    // Canceled when the host's shutdown token fires: it ends reading, retries and the handlers.
    private readonly CancellationTokenSource _abort = new();

    public EventDispatcher(IEventInbox inbox, EntryProcessor processor, DispatcherOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _inbox = inbox;
        _processor = processor;
        _scheduler = new EntityScheduler(options.MaxParallelism);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Closes the inbox and handles the entries taken until <paramref name="cancellationToken"/> fires.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _inbox.Close();
        Log.DrainStarted(_logger, _inbox.Count);

        // The base class cancels stoppingToken, which this worker ignores, and returns when ExecuteAsync ends
        // or cancellationToken fires, whichever is first.
        await base.StopAsync(cancellationToken);
        if (ExecuteTask is { IsCompleted: false })
        {
            await _abort.CancelAsync();
            _scheduler.Stop();
            LogUnhandled();
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _abort.Dispose();
        _readAhead.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // stoppingToken is not used: stopping closes the inbox, which ends reading once the taken entries are read.
        var abortToken = _abort.Token;
        while (!abortToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(abortToken);
                break;
            }
            catch (OperationCanceledException) when (abortToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                Log.InboxReadFailed(_logger, exception, InboxRetryDelay);
                try
                {
                    await Task.Delay(InboxRetryDelay, _timeProvider, abortToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        await _scheduler.WaitForIdleAsync();
    }

    private async Task ReadAsync(CancellationToken abortToken)
    {
        var batch = new List<InboxEntry>();
        await using var reader = _inbox.ReadAllAsync(abortToken).GetAsyncEnumerator(abortToken);
        try
        {
            while (true)
            {
                // Entries the inbox returns without waiting join one batch, so the scheduler sorts them together.
                var next = reader.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    Schedule(batch);
                }

                if (!await next)
                {
                    break;
                }

                if (!_readAhead.Wait(0, CancellationToken.None))
                {
                    Schedule(batch);
                    await _readAhead.WaitAsync(abortToken);
                }

                batch.Add(reader.Current);
            }
        }
        finally
        {
            Schedule(batch);
        }
    }

    private void Schedule(List<InboxEntry> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var workersToStart = _scheduler.Add(batch);
        batch.Clear();
        for (var i = 0; i < workersToStart; i++)
        {
            _ = Task.Run(RunWorkerAsync);
        }
    }

    private async Task RunWorkerAsync()
    {
        while (_scheduler.TryTake(out var queue, out var entry))
        {
            var completed = false;
            try
            {
                completed = await _processor.ProcessAsync(entry, _abort.Token);
            }
            catch (Exception exception)
            {
                // The processor catches handler, sink and inbox errors, so an exception here is a bug. The worker goes on.
                Log.ProcessingFailed(_logger, exception, entry.Event.EventId, entry.Event.EventType);
            }

            _scheduler.Release(queue, entry, completed);
            if (completed)
            {
                ReleaseReadAhead();
            }
        }
    }

    private void ReleaseReadAhead()
    {
        try
        {
            _readAhead.Release();
        }
        catch (ObjectDisposedException)
        {
            // A handler that ignored cancellation returned after the host stopped and disposed the dispatcher.
        }
    }

    private void LogUnhandled()
    {
        // NOTE: a handler that ignores the canceled token and returns later may still complete its entry, although
        // this log already listed it as unhandled.
        var unhandled = _scheduler.GetUncompleted();
        foreach (var entry in unhandled)
        {
            Log.EventLeftUnhandled(_logger, entry.Event.EventId, entry.Event.EventType);
        }

        // Entries still in the inbox were never read. A durable inbox keeps them, but the in-memory one loses them.
        var unread = Math.Max(0, _inbox.Count - unhandled.Count);
        Log.EventsLeftUnhandled(_logger, unhandled.Count, unread);
    }
}
