namespace Idaas.Callbacks.Acknowledgement;

/// <summary>The result for one event in a <see cref="CallbackAcknowledgement"/>.</summary>
/// <param name="EventId">The id of the event, from <see cref="Events.IdaasEvent.EventId"/>.</param>
/// <param name="EventCode">A short machine-readable code, such as <c>SUCCESS</c>, which IDaaS shows in its sync log.</param>
/// <param name="EventMessage">A message for the IDaaS sync log. It is sent to IDaaS, so keep secrets out of it.</param>
public sealed record EventResult(string EventId, string EventCode, string EventMessage);
