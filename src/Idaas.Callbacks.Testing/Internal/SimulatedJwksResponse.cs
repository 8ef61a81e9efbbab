namespace Idaas.Callbacks.Testing.Internal;

/// <summary>The response <see cref="SimulatorJwksEndpoint"/> sends, before it is written to HTTP.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The <c>Content-Type</c> header value, or <see langword="null"/> for no body.</param>
/// <param name="Body">The response body text, sent as UTF-8.</param>
internal sealed record SimulatedJwksResponse(int StatusCode, string? ContentType, string Body)
{
    public const string JsonContentType = "application/json";
    public const string HtmlContentType = "text/html; charset=utf-8";
}
