using System.Diagnostics;
using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Processing;

/// <summary>One event in the inbox.</summary>
/// <param name="Event">The event.</param>
/// <param name="ReceivedAt">The time the callback that carried the event arrived.</param>
public sealed record InboxEntry(IdaasEvent Event, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// Gets the context of the <c>idaas.callbacks.receive</c> span of the callback that carried the event, which
    /// each <c>idaas.callbacks.handle</c> span links to. The default when no listener recorded that span, or when
    /// the inbox does not store it.
    /// </summary>
    /// <remarks>A durable inbox can store it as a W3C <c>traceparent</c> string and restore it with <see cref="ActivityContext.TryParse(string, string, out ActivityContext)"/>.</remarks>
    public ActivityContext ReceiveActivityContext { get; init; }
}
