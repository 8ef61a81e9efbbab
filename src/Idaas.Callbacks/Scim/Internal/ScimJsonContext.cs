using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Source-generated JSON metadata for the SCIM messages. Attribute names match in any case (RFC 7643 section
/// 2.1), numbers are also read from strings, and null members are left out when writing.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScimUser))]
[JsonSerializable(typeof(ScimGroup))]
[JsonSerializable(typeof(ScimListResponse<ScimUser>))]
[JsonSerializable(typeof(ScimListResponse<ScimGroup>))]
[JsonSerializable(typeof(ScimListResponse<ScimResourceType>))]
[JsonSerializable(typeof(ScimListResponse<ScimSchema>))]
[JsonSerializable(typeof(List<ScimResourceType>))]
[JsonSerializable(typeof(List<ScimSchema>))]
[JsonSerializable(typeof(ScimPatchRequest))]
[JsonSerializable(typeof(ScimError))]
[JsonSerializable(typeof(ScimServiceProviderConfig))]
[JsonSerializable(typeof(ScimTokenResponse))]
internal sealed partial class ScimJsonContext : JsonSerializerContext;
