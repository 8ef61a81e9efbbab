using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// One page of a query result (RFC 7644 section 3.4.2).
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public sealed record ScimListResponse<T>
{
    /// <summary>Gets the schema URNs.</summary>
    public IReadOnlyList<string>? Schemas { get; init; }

    /// <summary>Gets the number of results that match the query, over all pages.</summary>
    public int? TotalResults { get; init; }

    /// <summary>Gets the 1-based index of the first result on this page.</summary>
    public int? StartIndex { get; init; }

    /// <summary>Gets the number of results on this page.</summary>
    public int? ItemsPerPage { get; init; }

    /// <summary>Gets the resources on this page, or <see langword="null"/> when the service provider left the member out.</summary>
    [JsonPropertyName("Resources")]
    public IReadOnlyList<T>? Resources { get; init; }
}
