using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Reconciliation;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Simulation;

/// <summary>The outcome of a simulator run: delivery counts, handled events and the directory comparison.</summary>
public sealed record SimulatorRunResult
{
    /// <summary>Gets the counts over every callback the simulator posted.</summary>
    public required DeliveryStatistics Delivery { get; init; }

    /// <summary>Gets the number of callbacks in the scenario's gap, which the delivery gave up on by design.</summary>
    public required int DroppedCallbacks { get; init; }

    /// <summary>Gets the number of events in <see cref="DroppedCallbacks"/>, which <see cref="DeliveryStatistics.GaveUp"/> must equal.</summary>
    public required int DroppedEvents { get; init; }

    /// <summary>Gets the number of differences between the directories after the gap, before the reconcile.</summary>
    public required int DifferencesBeforeReconcile { get; init; }

    /// <summary>Gets the report of the reconcile that repaired the gap.</summary>
    public required DirectoryReconcileReport Reconcile { get; init; }

    /// <summary>Gets the number of distinct events the receiver handled.</summary>
    public required int EventsHandled { get; init; }

    /// <summary>Gets the number of handled events that changed nothing, because the stored state was as new or newer.</summary>
    public required long EventsIgnoredAsOlder { get; init; }

    /// <summary>Gets the number of events whose handler failed on every attempt.</summary>
    public required int EventsDeadLettered { get; init; }

    /// <summary>Gets the counts of the local directory, tombstones excluded.</summary>
    public required DirectoryCounts LocalCounts { get; init; }

    /// <summary>Gets the counts of the simulator's directory.</summary>
    public required DirectoryCounts SimulatorCounts { get; init; }

    /// <summary>Gets the simulator's directory at the end of the run.</summary>
    public required SimulatorDirectorySnapshot SimulatorSnapshot { get; init; }

    /// <summary>Gets the differences between the directories at the end, or a reason the run could not compare them.</summary>
    public required IReadOnlyList<string> Differences { get; init; }

    /// <summary>Gets the full path of the SQLite file of the local directory.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Gets a value indicating whether the local directory equals the simulator's.</summary>
    public bool DirectoriesEqual => Differences.Count == 0;

    /// <summary>Gets the process exit code: 0 when the directories are equal, otherwise 1.</summary>
    public int ExitCode => DirectoriesEqual ? 0 : 1;
}
