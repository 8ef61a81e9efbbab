using System.Text.Json;
using System.Text.Json.Serialization;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// One value of a multi-valued attribute such as <c>emails</c> or <c>phoneNumbers</c> (RFC 7643 section 2.4).
/// </summary>
public sealed record ScimMultiValue
{
    /// <summary>Gets the value, such as an email address or a phone number.</summary>
    public string? Value { get; init; }

    /// <summary>Gets the label of the value, such as <c>work</c> or <c>home</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets the display name of the value.</summary>
    public string? Display { get; init; }

    /// <summary>Gets a value indicating whether this is the preferred value; also read from <c>"True"</c> and <c>"False"</c>.</summary>
    [JsonConverter(typeof(ScimBooleanConverter))]
    public bool? Primary { get; init; }

    /// <summary>Gets or sets the members that this type does not model, written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalAttributes { get; set; }
}
