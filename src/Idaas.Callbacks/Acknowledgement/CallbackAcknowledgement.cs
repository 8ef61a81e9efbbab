using System.Buffers;
using System.Text.Json;

namespace Idaas.Callbacks.Acknowledgement;

/// <summary>
/// The response body that reports to IDaaS what happened to each event of a callback:
/// <c>{"successEvents":[…],"skippedEvents":[…],"failedEvents":[…],"retriedEvents":[…]}</c>, each entry being
/// <c>{"eventId","eventCode","eventMessage"}</c>.
/// </summary>
/// <remarks>
/// <para>
/// IDaaS does not resend events listed as successful, skipped or failed, but it resends events listed as retried.
/// Each event id may appear in one list only. All four lists are always written, even when empty, as the IDaaS
/// Java SDK does.
/// </para>
/// <para>Instances are not thread-safe: build one per callback on one thread.</para>
/// </remarks>
public sealed class CallbackAcknowledgement
{
    /// <summary>The default code of <see cref="AddSuccess"/>, as sent by the IDaaS Java SDK.</summary>
    public const string SuccessCode = "SUCCESS";

    /// <summary>The default code of <see cref="AddSkipped"/>, which the IDaaS Java SDK sends for event types it does not handle.</summary>
    public const string SkippedCode = "auto_skipped";

    /// <summary>The default code of <see cref="AddFailed"/>.</summary>
    public const string FailedCode = "failed";

    /// <summary>The default code of <see cref="AddRetried"/>, which the IDaaS Java SDK sends when a handler throws.</summary>
    public const string RetriedCode = "exception";

    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly List<EventResult> _successEvents = [];
    private readonly List<EventResult> _skippedEvents = [];
    private readonly List<EventResult> _failedEvents = [];
    private readonly List<EventResult> _retriedEvents = [];

    /// <summary>Creates an acknowledgement with four empty lists.</summary>
    public CallbackAcknowledgement()
    {
        SuccessEvents = _successEvents.AsReadOnly();
        SkippedEvents = _skippedEvents.AsReadOnly();
        FailedEvents = _failedEvents.AsReadOnly();
        RetriedEvents = _retriedEvents.AsReadOnly();
    }

    /// <summary>Gets the events that were processed. IDaaS does not resend them.</summary>
    public IReadOnlyList<EventResult> SuccessEvents { get; }

    /// <summary>Gets the events that were ignored on purpose. IDaaS does not resend them.</summary>
    public IReadOnlyList<EventResult> SkippedEvents { get; }

    /// <summary>Gets the events that failed for good. IDaaS does not resend them.</summary>
    public IReadOnlyList<EventResult> FailedEvents { get; }

    /// <summary>Gets the events that failed for now. IDaaS resends them.</summary>
    public IReadOnlyList<EventResult> RetriedEvents { get; }

    /// <summary>Gets the number of events in all four lists.</summary>
    public int Count => _eventIds.Count;

    /// <summary>Checks whether any list already contains <paramref name="eventId"/>.</summary>
    public bool Contains(string eventId) => _eventIds.Contains(eventId);

    /// <summary>Adds an event that was processed.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="eventCode">The code. Default <see cref="SuccessCode"/>.</param>
    /// <param name="eventMessage">The message, which defaults to <paramref name="eventCode"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> or <paramref name="eventCode"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The event id already has a result.</exception>
    public void AddSuccess(string eventId, string eventCode = SuccessCode, string? eventMessage = null)
        => Add(_successEvents, eventId, eventCode, eventMessage);

    /// <summary>Adds an event that was ignored on purpose, such as one of a type the application does not handle.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="eventCode">The code. Default <see cref="SkippedCode"/>.</param>
    /// <param name="eventMessage">The message, which defaults to <paramref name="eventCode"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> or <paramref name="eventCode"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The event id already has a result.</exception>
    public void AddSkipped(string eventId, string eventCode = SkippedCode, string? eventMessage = null)
        => Add(_skippedEvents, eventId, eventCode, eventMessage);

    /// <summary>Adds an event that failed for good, so that IDaaS does not resend it.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="eventCode">The code. Default <see cref="FailedCode"/>.</param>
    /// <param name="eventMessage">The message, which defaults to <paramref name="eventCode"/>. Keep secrets out of it.</param>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> or <paramref name="eventCode"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The event id already has a result.</exception>
    public void AddFailed(string eventId, string eventCode = FailedCode, string? eventMessage = null)
        => Add(_failedEvents, eventId, eventCode, eventMessage);

    /// <summary>Adds an event that failed for now, so that IDaaS resends it.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="eventCode">The code. Default <see cref="RetriedCode"/>.</param>
    /// <param name="eventMessage">The message, which defaults to <paramref name="eventCode"/>. Keep secrets out of it.</param>
    /// <exception cref="ArgumentException"><paramref name="eventId"/> or <paramref name="eventCode"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The event id already has a result.</exception>
    public void AddRetried(string eventId, string eventCode = RetriedCode, string? eventMessage = null)
        => Add(_retriedEvents, eventId, eventCode, eventMessage);

    /// <summary>Serializes the acknowledgement as UTF-8 JSON.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the acknowledgement as UTF-8 JSON to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    public void WriteTo(IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);

        // The default encoder escapes non-ASCII and HTML-sensitive characters as \uXXXX, which every JSON parser reads back unchanged.
        using var writer = new Utf8JsonWriter(destination);
        writer.WriteStartObject();
        WriteList(writer, "successEvents"u8, _successEvents);
        WriteList(writer, "skippedEvents"u8, _skippedEvents);
        WriteList(writer, "failedEvents"u8, _failedEvents);
        WriteList(writer, "retriedEvents"u8, _retriedEvents);
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, ReadOnlySpan<byte> name, List<EventResult> results)
    {
        writer.WriteStartArray(name);
        foreach (var result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("eventId"u8, result.EventId);
            writer.WriteString("eventCode"u8, result.EventCode);
            writer.WriteString("eventMessage"u8, result.EventMessage);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void Add(List<EventResult> list, string eventId, string eventCode, string? eventMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventCode);

        // Listing one event twice would leave IDaaS to pick between contradictory results, so it is a programming error.
        if (!_eventIds.Add(eventId))
        {
            throw new InvalidOperationException(
                $"The event '{eventId}' already has a result in this acknowledgement. Add each event id to one list only.");
        }

        list.Add(new EventResult(eventId, eventCode, eventMessage ?? eventCode));
    }
}
