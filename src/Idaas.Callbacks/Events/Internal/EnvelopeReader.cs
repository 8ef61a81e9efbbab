using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// Reads the outer object of the business data: <c>instanceId</c>, <c>aliUid</c>, <c>eventVersion</c> and the
/// <c>eventData</c> string. Other members are skipped, and a repeated member is rejected.
/// </summary>
internal static class EnvelopeReader
{
    [Flags]
    private enum Member
    {
        None = 0,
        InstanceId = 1,
        AliUid = 2,
        EventVersion = 4,
        EventData = 8,
    }

    /// <summary>
    /// Reads the envelope members and unescapes <c>eventData</c> into a buffer rented from the shared pool, which
    /// the caller returns through <see cref="JsonStrings.ReturnToPool"/>.
    /// </summary>
    public static SyncEventDecodingStatus Read(
        ReadOnlySpan<byte> json,
        out SyncEventEnvelope envelope,
        ref byte[]? eventData,
        out int eventDataLength)
    {
        envelope = default;
        eventDataLength = 0;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return SyncEventDecodingStatus.InvalidJson;
            }

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

                // A repeated member could make two JSON parsers disagree about the payload.
                if ((seen & member) != 0)
                {
                    return SyncEventDecodingStatus.InvalidMember;
                }

                seen |= member;
                var status = member == Member.EventData
                    ? ReadEventData(ref reader, ref eventData, out eventDataLength)
                    : ReadEnvelopeMember(ref reader, member, ref envelope);
                if (status != SyncEventDecodingStatus.Succeeded)
                {
                    return status;
                }
            }

            // Reading past the closing brace throws JsonException if anything but whitespace follows it.
            if (reader.Read())
            {
                return SyncEventDecodingStatus.InvalidJson;
            }

            return (seen & Member.EventData) != 0 ? SyncEventDecodingStatus.Succeeded : SyncEventDecodingStatus.MissingEventData;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // InvalidOperationException comes from names or strings that escape a lone surrogate or hold invalid UTF-8.
            return SyncEventDecodingStatus.InvalidJson;
        }
    }

    /// <summary>
    /// Reads the envelope of business data whose JSON was already checked in full, without checking the escaped
    /// text of <c>eventData</c> again. The other members are read by <see cref="Read"/> from a copy in which the
    /// <c>eventData</c> string is empty. Returns <see langword="false"/> for any failure, whose status the caller
    /// then takes from <see cref="Read"/> on the original data, so that the first failing member is the one reported.
    /// </summary>
    public static bool TryReadChecked(
        ReadOnlySpan<byte> json,
        CheckedEventData location,
        out SyncEventEnvelope envelope,
        ref byte[]? eventData,
        out int eventDataLength)
    {
        envelope = default;
        eventDataLength = 0;
        if (location.Start < 1 || location.Length < 0 || location.Start + location.Length >= json.Length)
        {
            return false;
        }

        var rest = json[(location.Start + location.Length)..];
        var spliced = ArrayPool<byte>.Shared.Rent(location.Start + rest.Length);
        try
        {
            json[..location.Start].CopyTo(spliced);
            rest.CopyTo(spliced.AsSpan(location.Start));
            if (Read(spliced.AsSpan(0, location.Start + rest.Length), out envelope, ref eventData, out _) != SyncEventDecodingStatus.Succeeded)
            {
                return false;
            }

            return JsonStrings.TryUnescapeChecked(json.Slice(location.Start, location.Length), ref eventData, out eventDataLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(spliced, clearArray: true);
        }
    }

    private static SyncEventDecodingStatus ReadEnvelopeMember(ref Utf8JsonReader reader, Member member, ref SyncEventEnvelope envelope)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return SyncEventDecodingStatus.Succeeded;
        }

        // aliUid is a string of digits in real data, but the IDaaS Java SDK types it as a number, so both are read.
        if (member == Member.AliUid && reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out var number))
            {
                return SyncEventDecodingStatus.InvalidMember;
            }

            envelope.AliUid = number.ToString(CultureInfo.InvariantCulture);
            return SyncEventDecodingStatus.Succeeded;
        }

        if (!JsonStrings.TryGetString(ref reader, out var text))
        {
            return SyncEventDecodingStatus.InvalidMember;
        }

        switch (member)
        {
            case Member.InstanceId:
                envelope.InstanceId = text;
                break;
            case Member.AliUid:
                envelope.AliUid = text;
                break;
            default:
                envelope.EventVersion = text;
                break;
        }

        return SyncEventDecodingStatus.Succeeded;
    }

    private static SyncEventDecodingStatus ReadEventData(ref Utf8JsonReader reader, ref byte[]? buffer, out int length)
    {
        length = 0;
        if (reader.TokenType != JsonTokenType.String)
        {
            return SyncEventDecodingStatus.InvalidEventData;
        }

        return JsonStrings.TryCopyString(ref reader, ref buffer, out length)
            ? SyncEventDecodingStatus.Succeeded
            : SyncEventDecodingStatus.InvalidEventData;
    }

    private static Member Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("eventData"u8))
        {
            return Member.EventData;
        }

        if (reader.ValueTextEquals("instanceId"u8))
        {
            return Member.InstanceId;
        }

        if (reader.ValueTextEquals("aliUid"u8))
        {
            return Member.AliUid;
        }

        return reader.ValueTextEquals("eventVersion"u8) ? Member.EventVersion : Member.None;
    }
}
