using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Processing;

/// <summary>One event in the inbox.</summary>
/// <param name="Event">The event.</param>
/// <param name="ReceivedAt">The time the callback that carried the event arrived.</param>
public sealed record InboxEntry(IdaasEvent Event, DateTimeOffset ReceivedAt);
