using System.Text.Json.Serialization.Metadata;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

public sealed partial class ScimClient
{
    /// <inheritdoc/>
    public async Task<ScimServiceProviderConfig> GetServiceProviderConfigAsync(CancellationToken cancellationToken = default)
    {
        var response = await TraceAsync("discovery", null, null, () => GetDiscoveryAsync("ServiceProviderConfig", cancellationToken)).ConfigureAwait(false);
        return ScimResponseReader.ReadResource(response, ScimJsonContext.Default.ScimServiceProviderConfig, "Reading the SCIM ServiceProviderConfig");
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ScimResourceType>> GetResourceTypesAsync(CancellationToken cancellationToken = default)
    {
        var response = await TraceAsync("discovery", null, null, () => GetDiscoveryAsync("ResourceTypes", cancellationToken)).ConfigureAwait(false);
        return ReadList(response, ScimJsonContext.Default.ScimListResponseScimResourceType, ScimJsonContext.Default.ListScimResourceType, "Reading the SCIM ResourceTypes");
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ScimSchema>> GetSchemasAsync(CancellationToken cancellationToken = default)
    {
        var response = await TraceAsync("discovery", null, null, () => GetDiscoveryAsync("Schemas", cancellationToken)).ConfigureAwait(false);
        return ReadList(response, ScimJsonContext.Default.ScimListResponseScimSchema, ScimJsonContext.Default.ListScimSchema, "Reading the SCIM Schemas");
    }

    private async Task<ScimHttpResponse> GetDiscoveryAsync(string endpoint, CancellationToken cancellationToken)
    {
        var operation = $"Reading the SCIM {endpoint}";
        var result = await SendAsync(HttpMethod.Get, Resolve(endpoint), null, null, null, repeatable: true, new ScimRetryBudget(_options), cancellationToken).ConfigureAwait(false);
        var response = RequireResponse(result, operation);
        return response.IsSuccess ? response : throw ScimResponseReader.ToException(response, operation);
    }

    // RFC 7644 section 4 returns a ListResponse; some service providers send a bare JSON array instead.
    private static IReadOnlyList<T> ReadList<T>(ScimHttpResponse response, JsonTypeInfo<ScimListResponse<T>> listTypeInfo, JsonTypeInfo<List<T>> arrayTypeInfo, string operation)
        where T : class
    {
        var text = response.Body.AsSpan().TrimStart(" \t\r\n"u8);
        if (!text.IsEmpty && text[0] == (byte)'[')
        {
            return ScimResponseReader.ReadResource(response, arrayTypeInfo, operation);
        }

        return ScimResponseReader.ReadResource(response, listTypeInfo, operation).Resources ?? [];
    }
}
