using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing;

/// <summary>One event emitted by <see cref="SimulatorDirectory"/>, before it is packed into a callback.</summary>
/// <param name="EventId">The event id: <c>evnt_</c> and 39 lowercase base32 characters, the length of the event id in a real IDaaS token.</param>
/// <param name="EventType">The event type URN, one of <see cref="Idaas.Callbacks.Events.IdaasEventTypes"/>.</param>
/// <param name="EventTime">The time of the change, in whole milliseconds.</param>
/// <param name="BizId">The id of the affected object, such as <c>user_…</c>, <c>ou_…</c> or <c>group_…</c>.</param>
/// <param name="BizData">The object record as written in the wire format of the simulator's options. Each event
/// owns its own copy.</param>
public sealed record SimulatorEvent(string EventId, string EventType, DateTimeOffset EventTime, string BizId, JsonObject BizData);

/// <summary>The result of one directory operation: the id of the object it changed and the events it emitted.</summary>
/// <param name="ObjectId">The id of the created or changed user, organizational unit or group.</param>
/// <param name="Events">The emitted events, empty when their type is not subscribed.</param>
public sealed record SimulatorChange(string ObjectId, IReadOnlyList<SimulatorEvent> Events);
