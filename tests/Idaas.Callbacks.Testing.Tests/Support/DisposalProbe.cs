using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>Records whether a <see cref="DisposableDeadLetterSink"/> was disposed.</summary>
internal sealed class DisposalProbe
{
    public bool SinkDisposed { get; set; }
}

/// <summary>A dead-letter sink registered by type, which the container creates and must dispose.</summary>
internal sealed class DisposableDeadLetterSink(DisposalProbe probe) : IDeadLetterSink, IDisposable
{
    public ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Dispose() => probe.SinkDisposed = true;
}
