namespace Idaas.Callbacks.Events;

/// <summary>
/// One event from a verified IDaaS callback. A callback carries a batch of events, and each one is acknowledged
/// by its <see cref="EventId"/>.
/// </summary>
/// <remarks>
/// IDaaS may deliver events late, twice or out of order. Use <see cref="EventTime"/> to order changes to the same
/// object and <see cref="EventId"/> to drop duplicates.
/// </remarks>
public abstract record IdaasEvent
{
    /// <summary>Gets the event id (for example <c>evnt_aaaac76zx6x3lxfwgp2f2vm4kvhiv2gi33kqc7q</c>), stable across retries.</summary>
    public required string EventId { get; init; }

    /// <summary>Gets the event type URN, one of <see cref="IdaasEventTypes"/> or an unrecognized value.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the time the change happened in IDaaS, sent as milliseconds since the Unix epoch.</summary>
    public required DateTimeOffset EventTime { get; init; }

    /// <summary>
    /// Gets the <c>bizId</c> member: the id of the affected object, such as <c>user_…</c> or <c>ou_…</c>.
    /// <see langword="null"/> when the event has none.
    /// </summary>
    public required string? BusinessId { get; init; }

    /// <summary>Gets the IDaaS instance id, taken from the verified token's <c>sub</c> claim.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Gets the IDaaS application id, taken from the verified token's <c>aud</c> claim.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>Gets the <c>jti</c> claim of the token that carried the event.</summary>
    public required string TokenId { get; init; }

    /// <summary>Gets the zero-based position of the event in the callback's <c>eventData</c> array.</summary>
    public required int BatchIndex { get; init; }
}
