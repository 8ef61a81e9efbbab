using System.Diagnostics;
using Idaas.Callbacks.Internal;

namespace Idaas.Callbacks.Scim;

public sealed partial class ScimClient
{
    private const string ResourceTypeTag = "idaas.scim.resource_type";
    private const string ResourceIdTag = "idaas.scim.resource_id";

    /// <summary>
    /// Runs one client call inside an activity <c>idaas.scim.{operation}</c> on the <c>Idaas.Callbacks</c> source,
    /// marked with <c>error.type</c> when the call throws. Retries, waits and the HTTP requests of the call happen
    /// inside it.
    /// </summary>
    private static Task<TResult> TraceAsync<TResult, TResource>(string operation, ResourceKind<TResource> kind, string? resourceId, Func<Task<TResult>> call)
        where TResource : class
        => TraceAsync(operation, kind.Name, resourceId, call);

    private static async Task<TResult> TraceAsync<TResult>(string operation, string? resourceType, string? resourceId, Func<Task<TResult>> call)
    {
        using var activity = IdaasCallbacksActivitySource.Source.StartActivity("idaas.scim." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ResourceTypeTag, resourceType);
            activity.SetTag(ResourceIdTag, resourceId);
        }

        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            IdaasCallbacksActivitySource.SetError(activity, exception.GetType().FullName ?? exception.GetType().Name);
            throw;
        }
    }
}
