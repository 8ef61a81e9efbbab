using System.Text.Json;
using System.Text.Json.Serialization;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// One feature entry of the service provider configuration (RFC 7643 section 5).
/// </summary>
public sealed record ScimFeature
{
    /// <summary>Gets a value indicating whether the feature is supported.</summary>
    [JsonConverter(typeof(ScimBooleanConverter))]
    public bool? Supported { get; init; }

    /// <summary>Gets the maximum number of results of a filter, for the <c>filter</c> feature.</summary>
    public int? MaxResults { get; init; }

    /// <summary>Gets the maximum number of operations of a bulk request, for the <c>bulk</c> feature.</summary>
    public int? MaxOperations { get; init; }

    /// <summary>Gets the maximum bulk payload size in bytes, for the <c>bulk</c> feature.</summary>
    public long? MaxPayloadSize { get; init; }

    /// <summary>Gets or sets the members that this type does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
