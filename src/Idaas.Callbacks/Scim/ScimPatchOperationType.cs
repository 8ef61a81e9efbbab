using System.Text.Json.Serialization;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A PATCH operation (RFC 7644 section 3.5.2). Read in any case, written in lowercase.
/// </summary>
[JsonConverter(typeof(ScimPatchOperationTypeConverter))]
public enum ScimPatchOperationType
{
    /// <summary>Adds values, or sets a single-valued attribute.</summary>
    Add,

    /// <summary>Removes values or attributes.</summary>
    Remove,

    /// <summary>Replaces values.</summary>
    Replace,
}
