namespace Idaas.Callbacks.Testing;

/// <summary>A group in a <see cref="SimulatorDirectorySnapshot"/>, with its members.</summary>
public sealed record SimulatorGroupSnapshot
{
    /// <summary>Gets the group id (<c>group_…</c>).</summary>
    public required string GroupId { get; init; }

    /// <summary>Gets the group name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description, or <see langword="null"/> for none.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the member account ids, sorted ordinally.</summary>
    public required IReadOnlyList<string> MemberIds { get; init; }
}
