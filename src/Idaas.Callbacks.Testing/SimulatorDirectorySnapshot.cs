namespace Idaas.Callbacks.Testing;

/// <summary>
/// An immutable copy of a <see cref="SimulatorDirectory"/> at one moment, created by
/// <see cref="SimulatorDirectory.CreateSnapshot"/>, for comparing a receiver's directory with the simulator's.
/// </summary>
public sealed record SimulatorDirectorySnapshot
{
    /// <summary>Gets the accounts, sorted ordinally by <see cref="SimulatorUserSnapshot.UserId"/>.</summary>
    public required IReadOnlyList<SimulatorUserSnapshot> Users { get; init; }

    /// <summary>
    /// Gets the organizational units, including <see cref="SimulatorDirectory.RootOrganizationalUnitId"/>, sorted
    /// ordinally by <see cref="SimulatorOrganizationalUnitSnapshot.OrganizationalUnitId"/>.
    /// </summary>
    public required IReadOnlyList<SimulatorOrganizationalUnitSnapshot> OrganizationalUnits { get; init; }

    /// <summary>Gets the groups, sorted ordinally by <see cref="SimulatorGroupSnapshot.GroupId"/>.</summary>
    public required IReadOnlyList<SimulatorGroupSnapshot> Groups { get; init; }
}
