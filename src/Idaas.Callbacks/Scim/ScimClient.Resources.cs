using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

public sealed partial class ScimClient
{
    private async Task<T> CreateAsync<T>(ResourceKind<T> kind, T resource, string? lookupValue, CancellationToken cancellationToken)
        where T : class
    {
        var operation = $"Creating a SCIM {kind.Name}";
        var body = JsonSerializer.SerializeToUtf8Bytes(resource, kind.TypeInfo);
        var budget = new ScimRetryBudget(_options);
        var responseLost = false;
        while (true)
        {
            var result = await SendAsync(HttpMethod.Post, Resolve(kind.Collection), body, null, null, repeatable: false, budget, cancellationToken).ConfigureAwait(false);
            var response = result.Response;
            if (response is { IsSuccess: true })
            {
                return ScimResponseReader.ReadResource(response, kind.TypeInfo, operation);
            }

            // A 409 after a lost response is most likely the first attempt's own resource.
            if (response is { StatusCode: 409 } && responseLost && lookupValue is not null
                && await FindAsync(kind, lookupValue, budget, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                var existingId = kind.IdOf(existing) ?? "(no id)";
                ScimLog.CreateResolved(_logger, kind.Name, existingId);
                return existing;
            }

            var lost = response is null || _options.TransientStatusCodes.Contains(response.StatusCode);
            if (!lost || lookupValue is null)
            {
                throw response is null ? new ScimException($"{operation} received no response: {result.Failure!.Message}", result.Failure) : ScimResponseReader.ToException(response, operation);
            }

            // The service provider may have created the resource before the response was lost, so look first.
            responseLost = true;
            var reason = response is null ? result.Failure!.Message : $"HTTP {response.StatusCode}";
            ScimLog.CreateResponseLost(_logger, kind.Name, reason, kind.LookupAttribute);
            if (await FindAsync(kind, lookupValue, budget, cancellationToken).ConfigureAwait(false) is { } created)
            {
                var createdId = kind.IdOf(created) ?? "(no id)";
                ScimLog.CreateResolved(_logger, kind.Name, createdId);
                return created;
            }

            if (budget.TryTakeRetry(response?.RetryAfter) is not { } delay)
            {
                ScimLog.RetriesExhausted(_logger, "POST", Resolve(kind.Collection).AbsolutePath, reason, budget.Retries);
                throw response is null ? new ScimException($"{operation} received no response: {result.Failure!.Message}", result.Failure) : ScimResponseReader.ToException(response, operation);
            }

            ScimLog.RequestRetrying(_logger, "POST", Resolve(kind.Collection).AbsolutePath, reason, budget.Retries, _options.MaxRetryAttempts, delay);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T?> FindAsync<T>(ResourceKind<T> kind, string lookupValue, ScimRetryBudget budget, CancellationToken cancellationToken)
        where T : class
    {
        var filter = ScimFilter.Eq(kind.LookupAttribute, lookupValue);
        var uri = Resolve($"{kind.Collection}?filter={Uri.EscapeDataString(filter.ToString())}&startIndex=1&count=1");
        var operation = $"Looking up a SCIM {kind.Name} by {kind.LookupAttribute}";
        var result = await SendAsync(HttpMethod.Get, uri, null, null, null, repeatable: true, budget, cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        if (!response.IsSuccess)
        {
            throw ScimResponseReader.ToException(response, operation);
        }

        var page = ScimResponseReader.ReadResource(response, kind.ListTypeInfo, operation);
        return page.Resources is { Count: > 0 } resources ? resources[0] : null;
    }

    private async Task<T?> GetAsync<T>(ResourceKind<T> kind, string id, CancellationToken cancellationToken)
        where T : class
    {
        var operation = $"Reading the SCIM {kind.Name} {id}";
        var result = await SendAsync(HttpMethod.Get, Resolve(ResourcePath(kind.Collection, id)), null, null, null, repeatable: true, new ScimRetryBudget(_options), cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        if (response.StatusCode == 404)
        {
            return null;
        }

        return response.IsSuccess ? ScimResponseReader.ReadResource(response, kind.TypeInfo, operation) : throw ScimResponseReader.ToException(response, operation);
    }

    private async Task<ScimReadResult<T>> GetIfModifiedAsync<T>(ResourceKind<T> kind, string id, string version, CancellationToken cancellationToken)
        where T : class
    {
        var operation = $"Reading the SCIM {kind.Name} {id}";
        var result = await SendAsync(HttpMethod.Get, Resolve(ResourcePath(kind.Collection, id)), null, null, version, repeatable: true, new ScimRetryBudget(_options), cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        switch (response.StatusCode)
        {
            case 304:
                return new ScimReadResult<T> { Status = ScimReadStatus.NotModified, Version = response.ETag ?? version };
            case 404:
                return new ScimReadResult<T> { Status = ScimReadStatus.NotFound };
            case >= 200 and < 300:
                var resource = ScimResponseReader.ReadResource(response, kind.TypeInfo, operation);
                return new ScimReadResult<T> { Status = ScimReadStatus.Found, Resource = resource, Version = response.ETag ?? kind.VersionOf(resource) };
            default:
                throw ScimResponseReader.ToException(response, operation);
        }
    }

    private async Task<T> ReplaceAsync<T>(ResourceKind<T> kind, string id, T resource, string? version, CancellationToken cancellationToken)
        where T : class
    {
        var operation = $"Replacing the SCIM {kind.Name} {id}";
        var body = JsonSerializer.SerializeToUtf8Bytes(resource, kind.TypeInfo);
        var result = await SendAsync(HttpMethod.Put, Resolve(ResourcePath(kind.Collection, id)), body, version, null, repeatable: true, new ScimRetryBudget(_options), cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        return response.IsSuccess ? ScimResponseReader.ReadResource(response, kind.TypeInfo, operation) : throw ScimResponseReader.ToException(response, operation);
    }

    private async Task<T?> PatchAsync<T>(ResourceKind<T> kind, string id, ScimPatchRequest patch, string? version, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(patch);
        var operation = $"Patching the SCIM {kind.Name} {id}";
        var body = JsonSerializer.SerializeToUtf8Bytes(patch, ScimJsonContext.Default.ScimPatchRequest);

        // Only replace-only requests are repeated, because applying a replace twice gives the same result. A second
        // add can duplicate a value, and a second remove can fail with noTarget.
        var repeatable = patch.Operations.All(operation => operation.Op == ScimPatchOperationType.Replace);
        var result = await SendAsync(HttpMethod.Patch, Resolve(ResourcePath(kind.Collection, id)), body, version, null, repeatable, new ScimRetryBudget(_options), cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        if (!response.IsSuccess)
        {
            throw ScimResponseReader.ToException(response, operation);
        }

        return response.StatusCode == 204 || response.Body.Length == 0 ? null : ScimResponseReader.ReadResource(response, kind.TypeInfo, operation);
    }

    private async Task<bool> DeleteAsync<T>(ResourceKind<T> kind, string id, string? version, CancellationToken cancellationToken)
        where T : class
    {
        var operation = $"Deleting the SCIM {kind.Name} {id}";
        var result = await SendAsync(HttpMethod.Delete, Resolve(ResourcePath(kind.Collection, id)), null, version, null, repeatable: true, new ScimRetryBudget(_options), cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        if (response.StatusCode == 404)
        {
            return false;
        }

        return response.IsSuccess ? true : throw ScimResponseReader.ToException(response, operation);
    }

    private async IAsyncEnumerable<T> ListAsync<T>(ResourceKind<T> kind, ScimFilter? filter, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 10_000);

        var filterQuery = filter is null ? string.Empty : "&filter=" + Uri.EscapeDataString(filter.ToString());
        var operation = $"Listing SCIM {kind.Collection}";
        var startIndex = 1;
        int? previousStart = null;
        while (true)
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"{kind.Collection}?startIndex={startIndex}&count={pageSize}{filterQuery}");
            var page = await TraceAsync("list", kind, null, () => ReadPageAsync(kind, query, operation, cancellationToken)).ConfigureAwait(false);
            var resources = page.Resources ?? [];
            var pageStart = page.StartIndex ?? startIndex;
            if (previousStart is { } previous && pageStart <= previous)
            {
                throw PagingStopped(kind, $"the service provider returned startIndex {pageStart} after {previous}, so the pages do not advance");
            }

            foreach (var resource in resources)
            {
                yield return resource;
            }

            if (resources.Count == 0)
            {
                if (page.TotalResults is { } total && total >= pageStart)
                {
                    throw PagingStopped(kind, $"the page at startIndex {pageStart} has no resources but totalResults is {total}");
                }

                yield break;
            }

            var next = pageStart + resources.Count;
            var finished = page.TotalResults is { } totalResults ? next > totalResults : resources.Count < pageSize;
            if (finished)
            {
                yield break;
            }

            previousStart = pageStart;
            startIndex = next;
        }
    }

    private async Task<ScimListResponse<T>> ReadPageAsync<T>(ResourceKind<T> kind, string query, string operation, CancellationToken cancellationToken)
        where T : class
    {
        var result = await SendAsync(HttpMethod.Get, Resolve(query), null, null, null, repeatable: true, new ScimRetryBudget(_options), cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        return response.IsSuccess ? ScimResponseReader.ReadResource(response, kind.ListTypeInfo, operation) : throw ScimResponseReader.ToException(response, operation);
    }

    private ScimException PagingStopped<T>(ResourceKind<T> kind, string reason)
        where T : class
    {
        ScimLog.PagingStopped(_logger, kind.Collection, reason);
        return new ScimException($"Listing SCIM {kind.Collection} stopped: {reason}. The service provider's paging is inconsistent; listing again may return a complete result.");
    }

    /// <summary>The endpoint, JSON metadata and lookup attribute of one resource type.</summary>
    private sealed record ResourceKind<T>(
        string Name,
        string Collection,
        string LookupAttribute,
        JsonTypeInfo<T> TypeInfo,
        JsonTypeInfo<ScimListResponse<T>> ListTypeInfo,
        Func<T, string?> IdOf,
        Func<T, string?> VersionOf)
        where T : class;
}
