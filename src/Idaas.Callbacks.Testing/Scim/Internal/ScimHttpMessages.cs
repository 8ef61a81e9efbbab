namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>A request to the simulated SCIM service, independent of how it arrived (in memory or through Kestrel).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The unescaped request path.</param>
/// <param name="Query">The query string without the leading <c>?</c>.</param>
/// <param name="Origin">The scheme, host and port, such as <c>http://127.0.0.1:5000</c>, for <c>meta.location</c>.</param>
/// <param name="Headers">The request headers, with names compared without case.</param>
/// <param name="Body">The request body, empty when there is none.</param>
internal sealed record ScimHttpRequest(string Method, string Path, string Query, string Origin, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A response of the simulated SCIM service.</summary>
internal sealed class ScimHttpResponse
{
    public const string ScimContentType = "application/scim+json; charset=utf-8";

    public required int Status { get; init; }

    public string? ContentType { get; init; }

    public string Body { get; init; } = string.Empty;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the transport drops the response instead of sending it, after the change was committed.</summary>
    public bool DropResponse { get; init; }
}
