namespace Idaas.Callbacks.Scim;

/// <summary>The outcome of a conditional read with <c>If-None-Match</c>.</summary>
public enum ScimReadStatus
{
    /// <summary>The resource changed since the given version, or no version matched; <see cref="ScimReadResult{T}.Resource"/> has it.</summary>
    Found,

    /// <summary>The resource still has the given version (HTTP 304), so the caller's copy is current.</summary>
    NotModified,

    /// <summary>No resource has the id (HTTP 404).</summary>
    NotFound,
}
