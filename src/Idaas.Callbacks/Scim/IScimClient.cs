namespace Idaas.Callbacks.Scim;

/// <summary>
/// The operations of a SCIM 2.0 client on the Users, Groups and discovery endpoints of one service provider.
/// </summary>
/// <remarks>
/// Methods throw <see cref="ScimException"/> for an error response, an invalid response body or spent retries,
/// <see cref="ScimConflictException"/> for HTTP 409, <see cref="ScimPreconditionFailedException"/> for HTTP 412,
/// and <see cref="OperationCanceledException"/> when the cancellation token is canceled.
/// </remarks>
public interface IScimClient
{
    /// <summary>
    /// Creates a user and returns it as stored. When the response is lost, looks the user up by
    /// <see cref="ScimUser.UserName"/> and returns it instead of creating it twice.
    /// </summary>
    Task<ScimUser> CreateUserAsync(ScimUser user, CancellationToken cancellationToken = default);

    /// <summary>Reads a user by id, or returns <see langword="null"/> when none exists (HTTP 404).</summary>
    Task<ScimUser?> GetUserAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a user by id unless it still has <paramref name="version"/>: sends <c>If-None-Match</c> and returns
    /// <see cref="ScimReadStatus.NotModified"/> for HTTP 304, so an unchanged user costs no body.
    /// </summary>
    /// <param name="id">The user id.</param>
    /// <param name="version">The entity tag of the copy the caller holds, such as <c>W/"3"</c> from <see cref="ScimMeta.Version"/>.</param>
    /// <param name="cancellationToken">Cancels the request and the waits.</param>
    Task<ScimReadResult<ScimUser>> GetUserIfModifiedAsync(string id, string version, CancellationToken cancellationToken = default);

    /// <summary>Finds the user with a <c>userName</c>, or returns <see langword="null"/> when none matches.</summary>
    Task<ScimUser?> FindUserByUserNameAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a user (HTTP PUT) and returns it as stored. Sends <c>If-Match</c> with <paramref name="version"/>,
    /// or with <see cref="ScimMeta.Version"/> of <paramref name="user"/> when <paramref name="version"/> is
    /// <see langword="null"/>.
    /// </summary>
    Task<ScimUser> ReplaceUserAsync(ScimUser user, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Patches a user and returns it as stored, or <see langword="null"/> when the service provider returned no
    /// body (HTTP 204). Sends <c>If-Match</c> when <paramref name="version"/> is set.
    /// </summary>
    Task<ScimUser?> PatchUserAsync(string id, ScimPatchRequest patch, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a user and returns <see langword="true"/>, or <see langword="false"/> when none exists (HTTP 404).
    /// Sends <c>If-Match</c> when <paramref name="version"/> is set.
    /// </summary>
    Task<bool> DeleteUserAsync(string id, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the users that match <paramref name="filter"/>, or all users, one page of
    /// <paramref name="pageSize"/> at a time, following the service provider's <c>startIndex</c> and
    /// <c>totalResults</c>. Throws <see cref="ScimException"/> when the pages stop advancing.
    /// </summary>
    IAsyncEnumerable<ScimUser> ListUsersAsync(ScimFilter? filter = null, int pageSize = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a group and returns it as stored. When the response is lost, looks the group up by
    /// <see cref="ScimGroup.DisplayName"/> and returns it instead of creating it twice.
    /// </summary>
    Task<ScimGroup> CreateGroupAsync(ScimGroup group, CancellationToken cancellationToken = default);

    /// <summary>Reads a group by id with its members, or returns <see langword="null"/> when none exists (HTTP 404).</summary>
    Task<ScimGroup?> GetGroupAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a group by id unless it still has <paramref name="version"/>, like <see cref="GetUserIfModifiedAsync"/>.
    /// </summary>
    /// <param name="id">The group id.</param>
    /// <param name="version">The entity tag of the caller's copy.</param>
    /// <param name="cancellationToken">Cancels the request and the waits.</param>
    Task<ScimReadResult<ScimGroup>> GetGroupIfModifiedAsync(string id, string version, CancellationToken cancellationToken = default);

    /// <summary>Finds the group with a <c>displayName</c>, or returns <see langword="null"/> when none matches.</summary>
    Task<ScimGroup?> FindGroupByDisplayNameAsync(string displayName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a group (HTTP PUT) and returns it as stored. Sends <c>If-Match</c> with <paramref name="version"/>,
    /// or with <see cref="ScimMeta.Version"/> of <paramref name="group"/> when <paramref name="version"/> is
    /// <see langword="null"/>.
    /// </summary>
    Task<ScimGroup> ReplaceGroupAsync(ScimGroup group, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Patches a group and returns it as stored, or <see langword="null"/> when the service provider returned no
    /// body (HTTP 204). Sends <c>If-Match</c> when <paramref name="version"/> is set.
    /// </summary>
    Task<ScimGroup?> PatchGroupAsync(string id, ScimPatchRequest patch, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a group and returns <see langword="true"/>, or <see langword="false"/> when none exists (HTTP 404).
    /// Sends <c>If-Match</c> when <paramref name="version"/> is set.
    /// </summary>
    Task<bool> DeleteGroupAsync(string id, string? version = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the groups that match <paramref name="filter"/>, or all groups, like
    /// <see cref="ListUsersAsync"/>. Service providers may leave out the members in lists.
    /// </summary>
    IAsyncEnumerable<ScimGroup> ListGroupsAsync(ScimFilter? filter = null, int pageSize = 100, CancellationToken cancellationToken = default);

    /// <summary>Reads <c>/ServiceProviderConfig</c>.</summary>
    Task<ScimServiceProviderConfig> GetServiceProviderConfigAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads <c>/ResourceTypes</c>.</summary>
    Task<IReadOnlyList<ScimResourceType>> GetResourceTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads <c>/Schemas</c>.</summary>
    Task<IReadOnlyList<ScimSchema>> GetSchemasAsync(CancellationToken cancellationToken = default);
}
