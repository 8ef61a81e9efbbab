namespace Idaas.Callbacks.Processing;

/// <summary>
/// Stores events whose handler failed on every attempt, so that they can be inspected and replayed. The
/// dispatcher completes the inbox entry after <see cref="AddAsync"/> returns.
/// </summary>
/// <remarks>
/// The default, <see cref="InMemoryDeadLetterSink"/>, logs each dead letter and keeps the latest ones in memory.
/// Register another implementation before <c>AddIdaasCallbacks</c> to store them durably. Implementations are
/// thread-safe.
/// </remarks>
public interface IDeadLetterSink
{
    /// <summary>Stores one dead letter.</summary>
    /// <param name="deadLetter">The failed entry and the last error.</param>
    /// <param name="cancellationToken">Canceled when the host stops and the drain time is over.</param>
    /// <returns>A task that completes when the dead letter is stored.</returns>
    ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);
}
