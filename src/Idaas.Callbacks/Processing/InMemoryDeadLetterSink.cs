using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Processing;

/// <summary>
/// The default <see cref="IDeadLetterSink"/>: logs each dead letter at Error and keeps the latest
/// <see cref="DispatcherOptions.DeadLetterCapacity"/> of them in memory, dropping the oldest first.
/// </summary>
/// <remarks>
/// The log line names the event id, event type and handler, never the event data or the exception message,
/// which may quote event data. Dead letters are lost when the process ends. The class is thread-safe.
/// </remarks>
public sealed partial class InMemoryDeadLetterSink : IDeadLetterSink
{
    private readonly Queue<DeadLetter> _deadLetters = new();
    private readonly Lock _lock = new();
    private readonly int _capacity;
    private readonly ILogger _logger;

    /// <summary>Initializes a sink that keeps <see cref="DispatcherOptions.DeadLetterCapacity"/> dead letters.</summary>
    /// <param name="options">The callback options, of which <see cref="IdaasCallbackOptions.Dispatcher"/> is used.</param>
    /// <param name="logger">The logger for the dead letters.</param>
    public InMemoryDeadLetterSink(IOptions<IdaasCallbackOptions> options, ILogger<InMemoryDeadLetterSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        _capacity = options.Value.Dispatcher.DeadLetterCapacity;
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        var idaasEvent = deadLetter.Entry.Event;
        Log.EventDeadLettered(_logger, idaasEvent.EventId, idaasEvent.EventType, deadLetter.HandlerType.FullName, deadLetter.Attempts, deadLetter.ExceptionType);
        lock (_lock)
        {
            _deadLetters.Enqueue(deadLetter);
            while (_deadLetters.Count > _capacity)
            {
                _deadLetters.Dequeue();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Returns a copy of the dead letters kept, oldest first.</summary>
    /// <returns>The dead letters.</returns>
    public IReadOnlyList<DeadLetter> Snapshot()
    {
        lock (_lock)
        {
            return [.. _deadLetters];
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3020, EventName = "EventDeadLettered", Level = LogLevel.Error, Message = "Event {EventId} ({EventType}) was dead-lettered: handler {HandlerType} failed {Attempts} times, last with {ExceptionType}.")]
        public static partial void EventDeadLettered(ILogger logger, string eventId, string eventType, string? handlerType, int attempts, string exceptionType);
    }
}
