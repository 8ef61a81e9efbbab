namespace Idaas.Callbacks.Samples.Receiver.Handlers;

/// <summary>Counts the events the handlers processed, for the simulator run's summary. Thread-safe.</summary>
public sealed class HandledEventCounter
{
    private long _handled;
    private long _ignored;

    /// <summary>Gets the number of handled events, the ignored ones included.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Gets the number of events that changed nothing, because the stored state was as new or newer.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    internal void Record(bool applied)
    {
        Interlocked.Increment(ref _handled);
        if (!applied)
        {
            Interlocked.Increment(ref _ignored);
        }
    }
}
