using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// Builds the business data of a callback in the IDaaS wire format: the JSON text that IDaaS encrypts into
/// <c>cipherData</c> or places as the <c>plainData</c> object.
/// </summary>
/// <remarks>
/// The output is <c>{"instanceId":…,"eventData":"[…]","eventVersion":"V1.0","aliUid":"…"}</c>. As in real IDaaS
/// data, <c>eventData</c> is a string holding the JSON array of events, each event's <c>bizData</c> is a string
/// holding a JSON object, and <c>eventTime</c> is a string of milliseconds unless
/// <see cref="WriteEventTimeAsString"/> is turned off. Instances are not thread-safe.
/// </remarks>
public sealed class SyncEventBuilder
{
    /// <summary>The default value of <see cref="AliUid"/>.</summary>
    public const string DefaultAliUid = "1000000000000001";

    /// <summary>The default value of <see cref="EventVersion"/>, the only version IDaaS sends.</summary>
    public const string DefaultEventVersion = "V1.0";

    // IDaaS escapes only what JSON requires, so quotes inside eventData appear as \" rather than \u0022.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<Action<Utf8JsonWriter>> _events = [];

    /// <summary>Creates a builder for the given IDaaS instance id.</summary>
    /// <exception cref="ArgumentException"><paramref name="instanceId"/> is null, empty or white space.</exception>
    public SyncEventBuilder(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        InstanceId = instanceId;
    }

    /// <summary>Gets the <c>instanceId</c> member.</summary>
    public string InstanceId { get; }

    /// <summary>Gets or sets the <c>aliUid</c> member, written as a string. Default <see cref="DefaultAliUid"/>.</summary>
    public string AliUid { get; set; } = DefaultAliUid;

    /// <summary>Gets or sets the <c>eventVersion</c> member. Default <see cref="DefaultEventVersion"/>.</summary>
    public string EventVersion { get; set; } = DefaultEventVersion;

    /// <summary>
    /// Gets or sets a value indicating whether <c>eventTime</c> is written as a string of digits, as IDaaS sends it,
    /// rather than as a JSON number. Default <see langword="true"/>.
    /// </summary>
    public bool WriteEventTimeAsString { get; set; } = true;

    /// <summary>Gets the number of events added so far.</summary>
    public int Count => _events.Count;

    /// <summary>Adds an event whose <c>bizData</c> is the given JSON text.</summary>
    /// <param name="eventId">The event id, such as <c>evnt_0001</c>.</param>
    /// <param name="eventType">The event type URN, such as <c>urn:alibaba:idaas:app:event:ud:user:create</c>.</param>
    /// <param name="eventTime">The event time, written in milliseconds since the Unix epoch.</param>
    /// <param name="bizId">The id of the affected object, such as <c>user_0001</c>.</param>
    /// <param name="bizDataJson">The JSON text of the object record, sent as a string.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SyncEventBuilder AddEvent(string eventId, string eventType, DateTimeOffset eventTime, string bizId, string bizDataJson)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(bizId);
        ArgumentNullException.ThrowIfNull(bizDataJson);

        var milliseconds = eventTime.ToUnixTimeMilliseconds();
        _events.Add(writer =>
        {
            // Member order as in real IDaaS data.
            writer.WriteStartObject();
            writer.WriteString("eventId", eventId);
            if (WriteEventTimeAsString)
            {
                writer.WriteString("eventTime", milliseconds.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNumber("eventTime", milliseconds);
            }

            writer.WriteString("bizId", bizId);
            writer.WriteString("bizData", bizDataJson);
            writer.WriteString("eventType", eventType);
            writer.WriteEndObject();
        });
        return this;
    }

    /// <summary>Adds an event whose <c>bizData</c> is the given JSON object.</summary>
    /// <param name="eventId">The event id, such as <c>evnt_0001</c>.</param>
    /// <param name="eventType">The event type URN, such as <c>urn:alibaba:idaas:app:event:ud:user:create</c>.</param>
    /// <param name="eventTime">The event time, written in milliseconds since the Unix epoch.</param>
    /// <param name="bizId">The id of the affected object, such as <c>user_0001</c>.</param>
    /// <param name="bizData">The object record, serialized and sent as a string.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SyncEventBuilder AddEvent(string eventId, string eventType, DateTimeOffset eventTime, string bizId, JsonObject bizData)
    {
        ArgumentNullException.ThrowIfNull(bizData);
        return AddEvent(eventId, eventType, eventTime, bizId, bizData.ToJsonString());
    }

    /// <summary>
    /// Adds an array element written exactly as given, such as an event with a malformed member, to test how
    /// a receiver copes with it.
    /// </summary>
    /// <param name="elementJson">Any well-formed JSON value.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="elementJson"/> is null, empty or white space.</exception>
    /// <exception cref="JsonException"><paramref name="elementJson"/> is not well-formed JSON.</exception>
    public SyncEventBuilder AddRawEvent(string elementJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementJson);

        // Parse now, so that a typo fails at the line that added it rather than at ToUtf8Json.
        JsonDocument.Parse(elementJson).Dispose();

        _events.Add(writer => writer.WriteRawValue(elementJson, skipInputValidation: true));
        return this;
    }

    /// <summary>Writes the business data as UTF-8 JSON.</summary>
    public byte[] ToUtf8Json()
    {
        var eventData = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(eventData, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var writeEvent in _events)
            {
                writeEvent(writer);
            }

            writer.WriteEndArray();
        }

        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("instanceId", InstanceId);
            writer.WriteString("eventData", eventData.WrittenSpan);
            writer.WriteString("eventVersion", EventVersion);
            writer.WriteString("aliUid", AliUid);
            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the business data as a JSON string.</summary>
    public string ToJson() => Encoding.UTF8.GetString(ToUtf8Json());
}
