namespace Idaas.Callbacks.Events;

/// <summary>
/// Outcome of decoding the business data as a whole. A failure here affects the whole callback, while a single bad
/// event is reported in <see cref="SyncEventDecodingResult.Failures"/> instead.
/// </summary>
internal enum SyncEventDecodingStatus
{
    /// <summary>The business data was decoded, although individual events may have failed.</summary>
    Succeeded = 0,

    /// <summary>The business data is not a single well-formed JSON object.</summary>
    InvalidJson,

    /// <summary>
    /// <c>instanceId</c>, <c>aliUid</c> or <c>eventVersion</c> has the wrong JSON type or an unreadable value,
    /// or a member appears more than once.
    /// </summary>
    InvalidMember,

    /// <summary>The <c>eventData</c> member is missing.</summary>
    MissingEventData,

    /// <summary>The <c>eventData</c> member is not a string that contains a well-formed JSON array.</summary>
    InvalidEventData,
}
