using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>Maps the endpoint that starts a reconcile.</summary>
public static class ReconcileEndpoints
{
    /// <summary>The path of the reconcile endpoint.</summary>
    public const string ReconcilePath = "/directory/reconcile";

    /// <summary>
    /// Maps <c>POST /directory/reconcile</c>, which runs <see cref="DirectoryReconciler.ReconcileAsync"/> and
    /// returns the <see cref="DirectoryReconcileReport"/> as JSON, or 502 with a problem body when a SCIM request
    /// failed.
    /// </summary>
    /// <param name="endpoints">The route builder; its services must contain <see cref="DirectoryReconciler"/>.</param>
    /// <returns>The endpoint, for conventions such as authorization.</returns>
    public static RouteHandlerBuilder MapReconcileEndpoint(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // NOTE: the endpoint has no authorization, like the directory endpoints. Add it before exposing the sample
        // beyond loopback, because anyone who can call it can make the app read all of IDaaS through SCIM.
        return endpoints.MapPost(ReconcilePath, async (DirectoryReconciler reconciler, ILogger<DirectoryReconciler> logger, CancellationToken cancellationToken) =>
        {
            try
            {
                var report = await reconciler.ReconcileAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return Results.Ok(report);
            }
            catch (Exception exception) when (exception is ScimException or HttpRequestException)
            {
                // The exception message may name the service provider's URL, so the caller gets only the status.
                Log.ReconcileFailed(logger, exception);
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "A SCIM request to IDaaS failed; the app's log has the details.");
            }
        });
    }
}
