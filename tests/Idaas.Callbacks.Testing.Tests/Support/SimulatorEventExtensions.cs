namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>Wraps one event in a batch for <see cref="CallbackDelivery.DeliverAsync"/>.</summary>
internal static class SimulatorEventExtensions
{
    public static IReadOnlyList<SimulatorEvent> ToBatch(this SimulatorEvent simulatorEvent) => [simulatorEvent];
}
