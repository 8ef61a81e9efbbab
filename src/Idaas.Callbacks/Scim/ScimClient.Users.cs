using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

public sealed partial class ScimClient
{
    private static readonly ResourceKind<ScimUser> UserKind = new(
        "User", "Users", "userName", ScimJsonContext.Default.ScimUser, ScimJsonContext.Default.ScimListResponseScimUser, static user => user.Id, static user => user.Meta?.Version);

    /// <inheritdoc/>
    public Task<ScimUser> CreateUserAsync(ScimUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return TraceAsync("create", UserKind, null, () => CreateAsync(UserKind, WithSchemas(user), user.UserName, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimUser?> GetUserAsync(string id, CancellationToken cancellationToken = default)
        => TraceAsync("get", UserKind, id, () => GetAsync(UserKind, id, cancellationToken));

    /// <inheritdoc/>
    public Task<ScimReadResult<ScimUser>> GetUserIfModifiedAsync(string id, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return TraceAsync("get", UserKind, id, () => GetIfModifiedAsync(UserKind, id, version, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimUser?> FindUserByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        return TraceAsync("find", UserKind, null, () => FindAsync(UserKind, userName, new ScimRetryBudget(_options), cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimUser> ReplaceUserAsync(ScimUser user, string? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.Id ?? throw new ArgumentException("The user has no id: read it from the service provider first, or set ScimUser.Id.", nameof(user));
        return TraceAsync("replace", UserKind, id, () => ReplaceAsync(UserKind, id, WithSchemas(user), version ?? user.Meta?.Version, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<ScimUser?> PatchUserAsync(string id, ScimPatchRequest patch, string? version = null, CancellationToken cancellationToken = default)
        => TraceAsync("patch", UserKind, id, () => PatchAsync(UserKind, id, patch, version, cancellationToken));

    /// <inheritdoc/>
    public Task<bool> DeleteUserAsync(string id, string? version = null, CancellationToken cancellationToken = default)
        => TraceAsync("delete", UserKind, id, () => DeleteAsync(UserKind, id, version, cancellationToken));

    /// <inheritdoc/>
    public IAsyncEnumerable<ScimUser> ListUsersAsync(ScimFilter? filter = null, int pageSize = 100, CancellationToken cancellationToken = default)
        => ListAsync(UserKind, filter, pageSize, cancellationToken);

    // The core schema always, the Enterprise User schema when the extension is set, and the URN of every other
    // extension kept in the additional attributes. Schemas the caller or the service provider listed are kept, so a
    // resource read, changed and replaced names an extension that the change added.
    private static ScimUser WithSchemas(ScimUser user)
    {
        var schemas = new List<string>();
        AddSchema(schemas, ScimSchemas.User);
        foreach (var schema in user.Schemas ?? [])
        {
            var isEmptyEnterprise = string.Equals(schema, ScimSchemas.EnterpriseUser, StringComparison.OrdinalIgnoreCase) && user.EnterpriseUser is null;
            if (!isEmptyEnterprise)
            {
                AddSchema(schemas, schema);
            }
        }

        if (user.EnterpriseUser is not null)
        {
            AddSchema(schemas, ScimSchemas.EnterpriseUser);
        }

        AddExtensionSchemas(schemas, user.AdditionalAttributes);
        return user.Schemas is { } existing && existing.SequenceEqual(schemas, StringComparer.Ordinal) ? user : user with { Schemas = schemas };
    }

    private static void AddSchema(List<string> schemas, string schema)
    {
        if (!schemas.Contains(schema, StringComparer.OrdinalIgnoreCase))
        {
            schemas.Add(schema);
        }
    }

    private static void AddExtensionSchemas(List<string> schemas, IDictionary<string, System.Text.Json.JsonElement>? attributes)
    {
        if (attributes is null)
        {
            return;
        }

        foreach (var (name, value) in attributes)
        {
            if (value.ValueKind == System.Text.Json.JsonValueKind.Object && name.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && !schemas.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                schemas.Add(name);
            }
        }
    }
}
