using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

public sealed partial class ScimClient
{
    private static readonly ResourceKind<ScimGroup> GroupKind = new(
        "Group", "Groups", "displayName", ScimJsonContext.Default.ScimGroup, ScimJsonContext.Default.ScimListResponseScimGroup, static group => group.Id, static group => group.Meta?.Version);

    /// <inheritdoc/>
    public Task<ScimGroup> CreateGroupAsync(ScimGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        return TraceAsync("create", GroupKind, null, () => CreateAsync(GroupKind, WithSchemas(group), group.DisplayName, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimGroup?> GetGroupAsync(string id, CancellationToken cancellationToken = default)
        => TraceAsync("get", GroupKind, id, () => GetAsync(GroupKind, id, cancellationToken));

    /// <inheritdoc/>
    public Task<ScimReadResult<ScimGroup>> GetGroupIfModifiedAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return TraceAsync("get", GroupKind, id, () => GetIfModifiedAsync(GroupKind, id, version, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimGroup?> FindGroupByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        return TraceAsync("find", GroupKind, null, () => FindAsync(GroupKind, displayName, new ScimRetryBudget(_options), cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimGroup> ReplaceGroupAsync(ScimGroup group, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var id = group.Id ?? throw new ArgumentException("The group has no id: read it from the service provider first, or set ScimGroup.Id.", nameof(group));
        return TraceAsync("replace", GroupKind, id, () => ReplaceAsync(GroupKind, id, WithSchemas(group), version ?? group.Meta?.Version, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimGroup?> PatchGroupAsync(string id, ScimPatchRequest patch, string? version = null, CancellationToken cancellationToken = default)
        => TraceAsync("patch", GroupKind, id, () => PatchAsync(GroupKind, id, patch, version, cancellationToken));

    /// <inheritdoc/>
    public Task<bool> DeleteGroupAsync(string id, string? version = null, CancellationToken cancellationToken = default)
        => TraceAsync("delete", GroupKind, id, () => DeleteAsync(GroupKind, id, version, cancellationToken));

    /// <inheritdoc/>
    public IAsyncEnumerable<ScimGroup> ListGroupsAsync(ScimFilter? filter = null, int pageSize = 100, CancellationToken cancellationToken = default)
        => ListAsync(GroupKind, filter, pageSize, cancellationToken);

    private static ScimGroup WithSchemas(ScimGroup group)
    {
        var schemas = new List<string>();
        AddSchema(schemas, ScimSchemas.Group);
        foreach (var schema in group.Schemas ?? [])
        {
            AddSchema(schemas, schema);
        }

        AddExtensionSchemas(schemas, group.AdditionalAttributes);
        return group.Schemas is { } existing && existing.SequenceEqual(schemas, StringComparer.Ordinal) ? group : group with { Schemas = schemas };
    }
}
