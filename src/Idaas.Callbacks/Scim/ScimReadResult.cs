namespace Idaas.Callbacks.Scim;

/// <summary>The result of a conditional read: whether the resource changed, and the resource when it did.</summary>
/// <typeparam name="T">The resource type, <see cref="ScimUser"/> or <see cref="ScimGroup"/>.</typeparam>
public sealed record ScimReadResult<T>
    where T : class
{
    /// <summary>Gets the outcome.</summary>
    public required ScimReadStatus Status { get; init; }

    /// <summary>Gets the resource as stored when <see cref="Status"/> is <see cref="ScimReadStatus.Found"/>, otherwise <see langword="null"/>.</summary>
    public T? Resource { get; init; }

    /// <summary>
    /// Gets the current version: the response's <c>ETag</c>, or the resource's <c>meta.version</c> when the
    /// response has no <c>ETag</c>; <see langword="null"/> when not found or when the service provider sent neither.
    /// </summary>
    public string? Version { get; init; }
}
