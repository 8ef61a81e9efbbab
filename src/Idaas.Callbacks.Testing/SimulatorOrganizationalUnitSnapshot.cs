namespace Idaas.Callbacks.Testing;

/// <summary>An organizational unit in a <see cref="SimulatorDirectorySnapshot"/>.</summary>
public sealed record SimulatorOrganizationalUnitSnapshot
{
    /// <summary>Gets the organizational-unit id (<c>ou_…</c>).</summary>
    public required string OrganizationalUnitId { get; init; }

    /// <summary>Gets the unit name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the id of the parent unit, or <see langword="null"/> for the root.</summary>
    public string? ParentId { get; init; }

    /// <summary>Gets the description, or <see langword="null"/> for none.</summary>
    public string? Description { get; init; }
}
