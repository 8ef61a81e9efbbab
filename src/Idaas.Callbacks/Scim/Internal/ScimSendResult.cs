namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// The outcome of sending one request with retries: a response, or the failure after which no response arrived
/// (a timeout or a connection error), so the service provider may or may not have acted on the request.
/// </summary>
internal sealed record ScimSendResult(ScimHttpResponse? Response, Exception? Failure);
