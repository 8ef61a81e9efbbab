namespace Idaas.Callbacks.Testing;

/// <summary>One HTTP POST of a callback and what the receiver returned.</summary>
public sealed record DeliveryAttempt
{
    /// <summary>Gets the attempt number within its callback: 1 for the first post, 2 for the first retry.
    /// A <see cref="IsDuplicate"/> copy has the number of the attempt it copies.</summary>
    public required int Number { get; init; }

    /// <summary>Gets a value indicating whether this post is the extra copy sent by <see cref="DeliveryFaults.DuplicateDelivery"/>.
    /// Its answer is recorded but does not change the event outcomes.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Gets the time the request was sent, from the delivery's <see cref="TimeProvider"/>, after any
    /// <see cref="DeliveryFaults.Delay"/>.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets the time from sending the request to reading the whole response, or to the timeout or error.</summary>
    public required TimeSpan Latency { get; init; }

    /// <summary>Gets the ids of the events this post carried, in order.</summary>
    public required IReadOnlyList<string> EventIds { get; init; }

    /// <summary>Gets the <c>jti</c> of the token this post carried.</summary>
    public required string TokenId { get; init; }

    /// <summary>Gets the compact JWS this post carried in <c>{"event":"…"}</c>.</summary>
    public required string Token { get; init; }

    /// <summary>Gets how the attempt ended.</summary>
    public required DeliveryAttemptStatus Status { get; init; }

    /// <summary>Gets the HTTP status code, or <see langword="null"/> when no response was read.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets a value indicating whether the attempt timed out, including a response dropped on purpose.</summary>
    public bool TimedOut => Status == DeliveryAttemptStatus.TimedOut;

    /// <summary>Gets a value indicating whether a response arrived but was ignored because of <see cref="DeliveryFaults.DropResponses"/>.</summary>
    public bool ResponseDropped { get; init; }

    /// <summary>Gets the response body as text, cut after 4096 characters, or <see langword="null"/> when no body was read.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Gets a description of the failure of an attempt without a usable answer, or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Gets the acknowledgement entry of each event this post carried, keyed by event id. Empty unless
    /// <see cref="Status"/> is <see cref="DeliveryAttemptStatus.Acknowledged"/>.
    /// </summary>
    public required IReadOnlyDictionary<string, AcknowledgedEvent> Acknowledgement { get; init; }
}
