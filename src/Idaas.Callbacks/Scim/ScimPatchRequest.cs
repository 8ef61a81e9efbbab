using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A PATCH request body (RFC 7644 section 3.5.2). Build one with <see cref="ScimPatchBuilder"/>.
/// </summary>
public sealed record ScimPatchRequest
{
    /// <summary>Gets the schema URNs; the PatchOp message schema by default.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [ScimSchemas.PatchOp];

    /// <summary>Gets the operations, applied in order.</summary>
    [JsonPropertyName("Operations")]
    public IReadOnlyList<ScimPatchOperation> Operations { get; init; } = [];
}
