namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// A buffered response: the status, the body within the size limit, and the headers the client uses.
/// </summary>
internal sealed record ScimHttpResponse(int StatusCode, byte[] Body, string? ContentType, TimeSpan? RetryAfter, string? ETag)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
