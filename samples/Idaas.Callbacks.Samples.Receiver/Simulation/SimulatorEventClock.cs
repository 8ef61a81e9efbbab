using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Simulation;

/// <summary>
/// A clock that reads the simulator's event clock: the time the simulator would give its next event.
/// </summary>
/// <remarks>
/// The simulator gives each event a time at least 1 ms after the previous one, so after a burst of changes its
/// event times run ahead of the wall clock. The reconcile orders its repairs by its start time, which must not
/// fall behind the events IDaaS has already created, as a real deployment's clock agrees with IDaaS's. Each read
/// takes one event time from the simulator without sending the event, so later events are 1 ms later.
/// </remarks>
internal sealed class SimulatorEventClock(IdaasSimulator simulator) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => simulator.Directory.SendTestEvent().EventTime;
}
