namespace Idaas.Callbacks.Samples.Receiver.Directory;

/// <summary>A group in the local directory, with its member account ids when read from the store.</summary>
public sealed record DirectoryGroup
{
    /// <summary>Gets the IDaaS group id (<c>group_…</c>), the key of the row.</summary>
    public required string GroupId { get; init; }

    /// <summary>Gets the group name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the record's <c>updateTime</c> in IDaaS.</summary>
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>Gets the member account ids, sorted ordinally. Filled by the store's queries; ignored on writes.</summary>
    public IReadOnlyList<string> MemberIds { get; init; } = [];

    /// <summary>Gets the time of the last applied event; only newer events change the row. Set by the store.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>Gets a value indicating whether the group was deleted and the row is a tombstone. Set by the store.</summary>
    public bool Deleted { get; init; }
}
