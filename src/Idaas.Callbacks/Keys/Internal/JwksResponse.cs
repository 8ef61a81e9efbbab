namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Accepted JWKS response: the body and the facts that the logs report about it.
/// </summary>
/// <param name="Content">The response body decoded as UTF-8.</param>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The media type from the <c>Content-Type</c> header, or <see langword="null"/>.</param>
internal sealed record JwksResponse(string Content, int StatusCode, string? ContentType);
