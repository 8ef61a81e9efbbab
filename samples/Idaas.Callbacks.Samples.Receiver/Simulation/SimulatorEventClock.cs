using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Simulation;

/// <summary>
/// A clock that never runs behind the simulator's events: the system time, or 1 ms after the simulator's latest
/// event time when that is later.
/// </summary>
/// <remarks>
/// The simulator gives each event a time at least 1 ms after the previous one, so after a burst of changes its
/// event times run ahead of the wall clock. The reconcile orders its repairs by its start time, which must not
/// fall behind the events IDaaS has already created, as a real deployment's clock agrees with IDaaS's.
/// </remarks>
internal sealed class SimulatorEventClock(IdaasSimulator simulator) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return simulator.Directory.LastEventTime is { } last && last >= now ? last.AddMilliseconds(1) : now;
    }
}
