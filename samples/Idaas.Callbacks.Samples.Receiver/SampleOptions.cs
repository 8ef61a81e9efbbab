namespace Idaas.Callbacks.Samples.Receiver;

/// <summary>The sample's own settings, bound from the configuration section <c>Sample</c>.</summary>
public sealed class SampleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Sample";

    /// <summary>
    /// Gets or sets the SQLite file of the local directory when receiving from real IDaaS. A relative path is
    /// relative to the content root. Default <c>App_Data/directory.db</c>.
    /// </summary>
    public string DatabasePath { get; set; } = Path.Combine("App_Data", "directory.db");

    /// <summary>
    /// Gets or sets the SQLite file used by the simulator run. It is deleted when the run starts, so that each run
    /// begins with an empty directory. A relative path is relative to the content root.
    /// Default <c>App_Data/simulator-directory.db</c>.
    /// </summary>
    public string SimulatorDatabasePath { get; set; } = Path.Combine("App_Data", "simulator-directory.db");

    /// <summary>Gets the settings of the simulator run.</summary>
    public SimulatorRunOptions Simulator { get; } = new();
}
