namespace Idaas.Callbacks.Testing;

/// <summary>The entry of one event in an acknowledgement, as seen by one <see cref="DeliveryAttempt"/>.</summary>
/// <param name="EventId">The event id.</param>
/// <param name="Status">The list that contains the event, or <see cref="AcknowledgedEventStatus.NotListed"/>.</param>
/// <param name="EventCode">The <c>eventCode</c> of the entry, or <see langword="null"/> when absent or not listed.</param>
/// <param name="EventMessage">The <c>eventMessage</c> of the entry, or <see langword="null"/> when absent or not listed.</param>
public sealed record AcknowledgedEvent(string EventId, AcknowledgedEventStatus Status, string? EventCode, string? EventMessage);
