using System.Collections.Concurrent;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>An application's own dead-letter sink, which keeps the event ids it receives.</summary>
internal sealed class RecordingDeadLetterSink : IDeadLetterSink
{
    public ConcurrentQueue<string> EventIds { get; } = new();

    public ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        EventIds.Enqueue(deadLetter.Entry.Event.EventId);
        return ValueTask.CompletedTask;
    }
}
