using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// One operation of a PATCH request (RFC 7644 section 3.5.2).
/// </summary>
public sealed record ScimPatchOperation
{
    /// <summary>Gets the operation.</summary>
    public ScimPatchOperationType Op { get; init; }

    /// <summary>Gets the attribute path, or <see langword="null"/> when <see cref="Value"/> names the attributes.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the value, or <see langword="null"/> for <see cref="ScimPatchOperationType.Remove"/>.</summary>
    public JsonNode? Value { get; init; }
}
