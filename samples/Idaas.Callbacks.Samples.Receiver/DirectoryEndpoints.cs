using Idaas.Callbacks.Samples.Receiver.Directory;

namespace Idaas.Callbacks.Samples.Receiver;

/// <summary>Maps the read-only JSON endpoints of the local directory.</summary>
public static class DirectoryEndpoints
{
    /// <summary>
    /// Maps <c>GET /directory/users</c>, <c>/directory/organizational-units</c> and <c>/directory/groups</c>
    /// (groups with member ids). Deleted entities are left out unless the query has <c>includeDeleted=true</c>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns>The route group, for conventions such as authorization.</returns>
    public static RouteGroupBuilder MapDirectoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // NOTE: the endpoints have no authorization. Add it before exposing the sample beyond loopback, because the
        // directory contains personal data.
        var group = endpoints.MapGroup("/directory");
        group.MapGet("/users", (DirectoryStore store, bool? includeDeleted, CancellationToken cancellationToken)
            => store.ListUsersAsync(includeDeleted ?? false, cancellationToken));
        group.MapGet("/organizational-units", (DirectoryStore store, bool? includeDeleted, CancellationToken cancellationToken)
            => store.ListOrganizationalUnitsAsync(includeDeleted ?? false, cancellationToken));
        group.MapGet("/groups", (DirectoryStore store, bool? includeDeleted, CancellationToken cancellationToken)
            => store.ListGroupsAsync(includeDeleted ?? false, cancellationToken));
        return group;
    }
}
