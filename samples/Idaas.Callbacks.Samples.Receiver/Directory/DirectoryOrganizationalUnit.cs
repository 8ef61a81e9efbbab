namespace Idaas.Callbacks.Samples.Receiver.Directory;

/// <summary>An organizational unit in the local directory.</summary>
public sealed record DirectoryOrganizationalUnit
{
    /// <summary>Gets the IDaaS organizational-unit id (<c>ou_…</c>), the key of the row.</summary>
    public required string OrganizationalUnitId { get; init; }

    /// <summary>Gets the unit name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the id of the parent unit, or <see langword="null"/> for the root.</summary>
    public string? ParentId { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the record's <c>updateTime</c> in IDaaS.</summary>
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>Gets the time of the last applied event; only newer events change the row. Set by the store.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>Gets a value indicating whether the unit was deleted and the row is a tombstone. Set by the store.</summary>
    public bool Deleted { get; init; }
}
