using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>
/// Wraps the application's <see cref="IDeadLetterSink"/>: records each dead-lettered event id in the
/// <see cref="HandledEventTracker"/>, then passes the dead letter on unchanged.
/// </summary>
internal sealed class TrackingDeadLetterSink(IDeadLetterSink inner, HandledEventTracker tracker, bool ownsInner) : IDeadLetterSink, IDisposable, IAsyncDisposable
{
    /// <summary>Gets the wrapped sink.</summary>
    public IDeadLetterSink Inner => inner;

    public ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);

        // Recorded first, so that the id is kept even when the wrapped sink throws.
        tracker.RecordDeadLettered(deadLetter.Entry.Event.EventId);
        return inner.AddAsync(deadLetter, cancellationToken);
    }

    // The container disposes only the wrapper it created, so the wrapper disposes a sink that it built itself.
    public void Dispose()
    {
        if (!ownsInner)
        {
            return;
        }

        switch (inner)
        {
            case IDisposable disposable:
                disposable.Dispose();
                break;
            case IAsyncDisposable:
                // The same rule as the container's own: a service that only implements IAsyncDisposable needs DisposeAsync.
                throw new InvalidOperationException($"{inner.GetType().FullName} only implements IAsyncDisposable. Dispose the service provider with DisposeAsync.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!ownsInner)
        {
            return;
        }

        switch (inner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
