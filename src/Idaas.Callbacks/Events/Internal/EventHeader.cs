namespace Idaas.Callbacks.Events.Internal;

/// <summary>The members that every <see cref="IdaasEvent"/> shares, read from one event and its token.</summary>
internal readonly record struct EventHeader(
    string EventId,
    string EventType,
    DateTimeOffset EventTime,
    string? BusinessId,
    SyncEventContext Context,
    int BatchIndex);
