namespace Idaas.Callbacks.Processing;

/// <summary>
/// Facts about one delivery of an event to a handler.
/// </summary>
public sealed record IdaasEventContext
{
    /// <summary>Gets the <c>jti</c> of the callback token that carried the event.</summary>
    public required string TokenId { get; init; }

    /// <summary>Gets the IDaaS instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Gets the IDaaS application id.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>Gets the time the receiver took the event into the inbox.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets the attempt number, starting at 1.</summary>
    public required int Attempt { get; init; }

    /// <summary>Gets the zero-based position of the event in its callback's batch.</summary>
    public required int BatchIndex { get; init; }

    /// <summary>
    /// Gets a value indicating whether an event with a later <c>eventTime</c> for the same business id was
    /// already handled, so that applying this one would move the entity's state backwards.
    /// </summary>
    public bool IsStale { get; init; }
}
