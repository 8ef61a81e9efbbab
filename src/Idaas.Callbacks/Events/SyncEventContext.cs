namespace Idaas.Callbacks.Events;

/// <summary>The claims of the verified token that every decoded event carries.</summary>
/// <param name="InstanceId">The <c>sub</c> claim: the IDaaS instance id.</param>
/// <param name="ApplicationId">The <c>aud</c> claim: the IDaaS application id.</param>
/// <param name="TokenId">The <c>jti</c> claim.</param>
internal readonly record struct SyncEventContext(string InstanceId, string ApplicationId, string TokenId);
