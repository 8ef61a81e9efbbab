using System.Collections.ObjectModel;
using System.Text.Json;

namespace Idaas.Callbacks.Events;

/// <summary>
/// An IDaaS group record from the business data of a group event. Every member is optional.
/// </summary>
/// <remarks>
/// IDaaS publishes no schema for group events. The member names follow the IDaaS OpenAPI group model, and every
/// other member, including any member ids of <c>add_user</c> and <c>remove_user</c> events, is kept in
/// <see cref="AdditionalProperties"/>.
/// </remarks>
public sealed record IdaasGroup
{
    /// <summary>Gets the group id (<c>groupId</c>).</summary>
    public string? GroupId { get; init; }

    /// <summary>Gets the group name (<c>groupName</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the id in the source system (<c>groupExternalId</c>).</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the kind of source system (<c>groupSourceType</c>), such as <c>build_in</c>.</summary>
    public string? SourceType { get; init; }

    /// <summary>Gets the source system id (<c>groupSourceId</c>).</summary>
    public string? SourceId { get; init; }

    /// <summary>Gets the creation time.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>Gets the time of the last change.</summary>
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the members of the record that this library does not map, by their JSON names.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; init; } = ReadOnlyDictionary<string, JsonElement>.Empty;
}
