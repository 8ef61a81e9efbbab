using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver;

/// <summary>Settings of the simulator run, bound from the configuration section <c>Sample:Simulator</c>.</summary>
public sealed class SimulatorRunOptions
{
    /// <summary>The smallest <see cref="UserCount"/> the scenario works with, because it changes distinct accounts in each step.</summary>
    public const int MinUserCount = 400;

    /// <summary>Gets or sets the number of accounts sent by the full push. Default 1,000; at least <see cref="MinUserCount"/>.</summary>
    public int UserCount { get; set; } = 1_000;

    /// <summary>Gets or sets the simulator's field names and value types. Default <see cref="SimulatorWireFormat.Current"/>.</summary>
    public SimulatorWireFormat WireFormat { get; set; } = SimulatorWireFormat.Current;

    /// <summary>Gets or sets the seed of the shuffled delivery, so a run can be repeated. Default 4242.</summary>
    public int Seed { get; set; } = 4242;

    /// <summary>
    /// Gets or sets how long the run waits for the deliveries to settle and the handlers to finish before it
    /// reports a failure. Default 60 seconds.
    /// </summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the minimum level of log output while the scenario runs. Default <c>Warning</c>.</summary>
    public string LogLevel { get; set; } = "Warning";
}
