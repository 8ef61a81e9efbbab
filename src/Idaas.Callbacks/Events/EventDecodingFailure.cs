namespace Idaas.Callbacks.Events;

/// <summary>
/// An event of a callback batch that could not be decoded. The other events of the batch are unaffected.
/// </summary>
/// <param name="BatchIndex">The zero-based position of the event in the <c>eventData</c> array.</param>
/// <param name="EventId">The event id, or <see langword="null"/> when it is missing or not a string.</param>
/// <param name="EventType">The event type URN, or <see langword="null"/> when it is missing or not a string.</param>
/// <param name="Reason">
/// A description of what is wrong, safe to log: it names members and expected types but never contains business data.
/// </param>
public sealed record EventDecodingFailure(int BatchIndex, string? EventId, string? EventType, string Reason);
