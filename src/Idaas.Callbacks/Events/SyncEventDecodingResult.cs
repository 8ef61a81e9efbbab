namespace Idaas.Callbacks.Events;

/// <summary>
/// The decoded business data of one callback: its envelope members, the events that decoded, and the events that
/// did not.
/// </summary>
/// <remarks>
/// Together, <see cref="Events"/> and <see cref="Failures"/> cover every element of the <c>eventData</c> array;
/// each one keeps its array position in <see cref="IdaasEvent.BatchIndex"/> or
/// <see cref="EventDecodingFailure.BatchIndex"/>.
/// </remarks>
internal sealed class SyncEventDecodingResult
{
    private SyncEventDecodingResult(
        SyncEventDecodingStatus status,
        string? instanceId,
        string? aliUid,
        string? eventVersion,
        IReadOnlyList<IdaasEvent> events,
        IReadOnlyList<EventDecodingFailure> failures)
    {
        Status = status;
        InstanceId = instanceId;
        AliUid = aliUid;
        EventVersion = eventVersion;
        Events = events;
        Failures = failures;
    }

    /// <summary>Gets the outcome for the business data as a whole.</summary>
    public SyncEventDecodingStatus Status { get; }

    /// <summary>Gets the <c>instanceId</c> member, or <see langword="null"/> when it is absent.</summary>
    public string? InstanceId { get; }

    /// <summary>
    /// Gets the <c>aliUid</c> member (the Alibaba Cloud account UID) as text, whether it was sent as a string or a
    /// number, or <see langword="null"/> when it is absent.
    /// </summary>
    public string? AliUid { get; }

    /// <summary>Gets the <c>eventVersion</c> member, such as <c>V1.0</c>, or <see langword="null"/> when it is absent.</summary>
    public string? EventVersion { get; }

    /// <summary>Gets the events that decoded, in array order. Empty when <see cref="Status"/> is a failure.</summary>
    public IReadOnlyList<IdaasEvent> Events { get; }

    /// <summary>Gets the events that did not decode, in array order. Empty when <see cref="Status"/> is a failure.</summary>
    public IReadOnlyList<EventDecodingFailure> Failures { get; }

    /// <summary>Creates a result for business data that decoded as a whole.</summary>
    public static SyncEventDecodingResult Success(
        string? instanceId,
        string? aliUid,
        string? eventVersion,
        IReadOnlyList<IdaasEvent> events,
        IReadOnlyList<EventDecodingFailure> failures)
        => new(SyncEventDecodingStatus.Succeeded, instanceId, aliUid, eventVersion, events, failures);

    /// <summary>Creates a result for business data that could not be decoded as a whole.</summary>
    public static SyncEventDecodingResult Failure(SyncEventDecodingStatus status)
        => new(status, null, null, null, [], []);
}
