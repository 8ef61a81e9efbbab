using System.Text;
using System.Text.Json;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Events.Internal;
using Idaas.Callbacks.Verification;

namespace Idaas.Callbacks.Tests.Events;

/// <summary>
/// The quick path for a <c>plainData</c> object whose JSON the claims reader already checked: the claims reader
/// records where the <c>eventData</c> string is, and the decoder unescapes it without the reader. It must give the
/// reader's result or fall back to the reader.
/// </summary>
public class CheckedEventDataTests
{
    // The JSON text of string values, between the quotes.
    public static TheoryData<string> EscapedStrings() => new()
    {
        "plain text",
        "",
        @"\""quoted\"" \\ back \/ slash",
        @"\b\f\n\r\t",
        @"\u0022\u005c\u002F\u0000\u001f",
        @"caf\u00e9 \u00E9 \u4e2d\u6587",
        "raw caf\u00e9 \u4e2d\u6587 \U0001F600",
        @"pair \ud83d\ude00 and \uD83D\uDE00",
        @"[{\u0022bizData\u0022:\u0022{\\u0022userId\\u0022:\\u0022user_1\\u0022}\u0022}]",
        @"lone high \ud800 end",
        @"lone high at end \ud83d",
        @"high then high \ud83d\ud83d",
        @"high then letter \ud83dx",
        @"lone low \udc00",
        @"reversed \ude00\ud83d",
    };

    [Theory]
    [MemberData(nameof(EscapedStrings))]
    public void UnescapeChecked_MatchesCopyString(string escaped)
    {
        var json = Encoding.UTF8.GetBytes("\"" + escaped + "\"");
        var (readerOk, readerBytes) = CopyWithReader(json);

        byte[]? buffer = null;
        try
        {
            var quickOk = JsonStrings.TryUnescapeChecked(json.AsSpan(1, json.Length - 2), ref buffer, out var length);

            quickOk.Should().Be(readerOk, "the quick path must succeed exactly where CopyString succeeds for these inputs");
            if (quickOk)
            {
                buffer.AsSpan(0, length).ToArray().Should().Equal(readerBytes);
            }
        }
        finally
        {
            JsonStrings.ReturnToPool(buffer);
        }
    }

    [Fact]
    public void UnescapeChecked_RejectsInvalidUtf8()
    {
        byte[] escaped = [(byte)'a', 0xC3, (byte)'\\', (byte)'n', 0xFF];
        byte[]? buffer = null;
        try
        {
            JsonStrings.TryUnescapeChecked(escaped, ref buffer, out _).Should().BeFalse();
        }
        finally
        {
            JsonStrings.ReturnToPool(buffer);
        }
    }

    [Fact]
    public void Claims_RecordEventDataPosition()
    {
        var payload = Payload("""{"instanceId":"i","eventData":"[\u0022x\u0022]","aliUid":"1","extra":{"eventData":1}}""");

        TokenClaims.TryParse(payload, out var claims).Should().Be(ClaimsParseStatus.Parsed);

        var location = claims.PlainDataEventData;
        location.Should().NotBeNull();
        var text = claims.PlainData.Span.Slice(location!.Value.Start, location.Value.Length);
        Encoding.UTF8.GetString(text).Should().Be(@"[\u0022x\u0022]");
    }

    [Theory]
    [InlineData("""{"eventData":"[]","eventData":"[]"}""")]
    [InlineData("""{"eventData":"[]","event\u0044ata":"[]"}""")]
    [InlineData("""{"instanc\u0065Id":"i","eventData":"[]"}""")]
    [InlineData("""{"eventData":null}""")]
    [InlineData("""{"eventData":["[]"]}""")]
    [InlineData("""{"instanceId":"i"}""")]
    public void Claims_DropPositionWhenUnsure(string plainData)
    {
        TokenClaims.TryParse(Payload(plainData), out var claims).Should().Be(ClaimsParseStatus.Parsed);

        claims.PlainDataEventData.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(PlainDataObjects))]
    public void Decode_WithPositionMatchesFullRead(string plainData)
    {
        TokenClaims.TryParse(Payload(plainData), out var claims).Should().Be(ClaimsParseStatus.Parsed);
        claims.PlainDataEventData.Should().NotBeNull();

        var quick = SyncEventDecoder.Decode(claims.PlainData.Span, DecoderTestData.Context, claims.PlainDataEventData);
        var full = SyncEventDecoder.Decode(claims.PlainData.Span, DecoderTestData.Context);

        quick.Status.Should().Be(full.Status);
        quick.InstanceId.Should().Be(full.InstanceId);
        quick.AliUid.Should().Be(full.AliUid);
        quick.EventVersion.Should().Be(full.EventVersion);
        quick.Events.Should().BeEquivalentTo(full.Events, options => options.RespectingRuntimeTypes());
        quick.Failures.Should().BeEquivalentTo(full.Failures);
    }

    public static TheoryData<string> PlainDataObjects()
    {
        var batch = DecoderTestData.NewBuilder()
            .AddEvent("evnt_0001", IdaasEventTypes.UserCreated, DecoderTestData.Time, "user_0001", """{"userId":"user_0001","displayName":"Jos\u00e9 \ud83d\ude00"}""")
            .AddEvent("evnt_0002", IdaasEventTypes.Test, DecoderTestData.Time, "x", """{"note":"a\\b\"c"}""")
            .ToJson();
        return new()
        {
            batch,
            """{"instanceId":"i","eventData":"[]"}""",
            """{"instanceId":1,"eventData":"\ud800"}""",
            """{"eventData":"\ud800","instanceId":1}""",
            """{"eventData":"[\u0022\\ud800\u0022]"}""",
            """{"eventData":"not json"}""",
            """{"eventData":"\ud83d\ude00","aliUid":12}""",
        };
    }

    private static (bool Ok, byte[] Bytes) CopyWithReader(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var destination = new byte[json.Length];
        try
        {
            var length = reader.CopyString(destination);
            return (true, destination[..length]);
        }
        catch (InvalidOperationException)
        {
            return (false, []);
        }
    }

    private static byte[] Payload(string plainData)
        => Encoding.UTF8.GetBytes("""{"iss":"urn:alibaba:idaas:app:event","plainData":""" + plainData + "}");
}
