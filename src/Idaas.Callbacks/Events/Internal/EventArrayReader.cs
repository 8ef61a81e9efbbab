using System.Globalization;
using System.Text.Json;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// Reads the JSON array in the <c>eventData</c> string one element at a time, and decodes each element on its
/// own, so that an element with a missing or invalid member does not fail the others. Malformed JSON anywhere in
/// the array still fails the whole array.
/// </summary>
internal static class EventArrayReader
{
    [Flags]
    private enum Member
    {
        None = 0,
        EventId = 1,
        EventType = 2,
        EventTime = 4,
        BusinessId = 8,
        InvalidName = 32,
        BusinessData = 16,
    }

    /// <summary>
    /// Decodes the array into <paramref name="events"/> and <paramref name="failures"/>. Returns
    /// <see langword="false"/> when the text is not an array.
    /// </summary>
    /// <exception cref="JsonException">The text is not well-formed JSON.</exception>
    public static bool TryRead(
        ReadOnlySpan<byte> eventDataJson,
        SyncEventContext context,
        List<IdaasEvent> events,
        List<EventDecodingFailure> failures)
    {
        var reader = new Utf8JsonReader(eventDataJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        // One pooled buffer receives the unescaped bizData of each element in turn. Because it may contain passwords,
        // it is cleared before it goes back to the pool.
        byte[]? buffer = null;
        try
        {
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    failures.Add(new EventDecodingFailure(index, null, null, "The event is not a JSON object."));
                    continue;
                }

                var fields = ReadFields(ref reader, ref buffer);
                var businessData = fields.BusinessDataLength > 0 ? buffer.AsSpan(0, fields.BusinessDataLength) : default;
                if (EventBuilder.TryBuild(fields, businessData, index, context, out var error) is { } decoded)
                {
                    events.Add(decoded);
                }
                else
                {
                    failures.Add(new EventDecodingFailure(index, fields.EventId, fields.EventType, error!));
                }
            }

            // Reading past the closing bracket throws JsonException if anything but whitespace follows it.
            return !reader.Read();
        }
        finally
        {
            JsonStrings.ReturnToPool(buffer);
        }
    }

    private static EventFields ReadFields(ref Utf8JsonReader reader, ref byte[]? buffer)
    {
        var fields = new EventFields();
        var seen = Member.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = Identify(ref reader);
            reader.Read();
            if (member == Member.None)
            {
                reader.Skip();
                continue;
            }

            if (member == Member.InvalidName)
            {
                fields.Fail("A member name is not a valid string.");
                reader.Skip();
                continue;
            }

            if ((seen & member) != 0)
            {
                fields.Fail($"The {GetJsonName(member)} member appears more than once.");
                reader.Skip();
                continue;
            }

            seen |= member;
            ReadMember(ref reader, member, ref fields, ref buffer);
        }

        return fields;
    }

    private static void ReadMember(ref Utf8JsonReader reader, Member member, ref EventFields fields, ref byte[]? buffer)
    {
        switch (member)
        {
            case Member.EventId when JsonStrings.TryGetString(ref reader, out var eventId) && !string.IsNullOrEmpty(eventId):
                fields.EventId = eventId;
                break;
            case Member.EventType when JsonStrings.TryGetString(ref reader, out var eventType) && !string.IsNullOrEmpty(eventType):
                fields.EventType = eventType;
                break;
            case Member.EventTime when TryGetMilliseconds(ref reader, out var eventTime):
                fields.EventTime = eventTime;
                break;
            case Member.BusinessId when reader.TokenType == JsonTokenType.Null:
                break;
            case Member.BusinessId when JsonStrings.TryGetString(ref reader, out var businessId):
                // An empty bizId names no entity; keeping it would put unrelated events into one ordering queue.
                fields.BusinessId = string.IsNullOrEmpty(businessId) ? null : businessId;
                break;
            case Member.BusinessData when reader.TokenType == JsonTokenType.Null:
                break;
            case Member.BusinessData when JsonStrings.TryCopyString(ref reader, ref buffer, out var length):
                fields.BusinessDataLength = length;
                break;
            default:
                fields.Fail(GetTypeError(member));
                reader.Skip();
                break;
        }
    }

    private static Member Identify(ref Utf8JsonReader reader)
    {
        try
        {
            return IdentifyName(ref reader);
        }
        catch (InvalidOperationException)
        {
            // The name escapes a lone surrogate or contains invalid UTF-8, so only this event fails.
            return Member.InvalidName;
        }
    }

    private static Member IdentifyName(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("eventId"u8))
        {
            return Member.EventId;
        }

        if (reader.ValueTextEquals("eventType"u8))
        {
            return Member.EventType;
        }

        if (reader.ValueTextEquals("eventTime"u8))
        {
            return Member.EventTime;
        }

        if (reader.ValueTextEquals("bizId"u8))
        {
            return Member.BusinessId;
        }

        return reader.ValueTextEquals("bizData"u8) ? Member.BusinessData : Member.None;
    }

    private static string GetJsonName(Member member) => member switch
    {
        Member.EventId => "eventId",
        Member.EventType => "eventType",
        Member.EventTime => "eventTime",
        Member.BusinessId => "bizId",
        _ => "bizData",
    };

    private static string GetTypeError(Member member) => member switch
    {
        Member.EventId => "The eventId member is not a non-empty string.",
        Member.EventType => "The eventType member is not a non-empty string.",
        Member.EventTime => "The eventTime member is not a non-negative integer of milliseconds, as a number or a string of digits.",
        Member.BusinessId => "The bizId member is not a string.",
        _ => "The bizData member is not a string.",
    };

    // IDaaS sends eventTime as a string of digits, and a JSON number is accepted too.
    private static bool TryGetMilliseconds(ref Utf8JsonReader reader, out long milliseconds)
    {
        milliseconds = 0;
        var parsed = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out milliseconds),
            JsonTokenType.String when !reader.ValueIsEscaped =>
                long.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds),
            JsonTokenType.String =>
                JsonStrings.TryGetString(ref reader, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds),
            _ => false,
        };

        return parsed && milliseconds >= 0 && milliseconds <= EpochMillisecondsConverter.MaxMilliseconds;
    }
}
