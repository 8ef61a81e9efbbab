using System.Text;
using Idaas.Callbacks.Encryption;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Events;

public class SyncEventDecoderTests
{
    private const string UserCreate = IdaasEventTypes.UserCreated;

    [Fact]
    public void RealVector_DecodesOneUserDeletedEvent()
    {
        var decryptor = new BusinessDataDecryptor(Convert.FromHexString(RealVector.Instance.EncryptionKey));
        decryptor.TryDecrypt(RealVector.Instance.CipherData, out var plaintext).Should().Be(DecryptionStatus.Succeeded);
        var context = new SyncEventContext(RealVector.Instance.Subject, RealVector.Instance.ApplicationId, RealVector.Instance.TokenId);

        var result = SyncEventDecoder.Decode(plaintext, context);

        result.Status.Should().Be(SyncEventDecodingStatus.Succeeded);
        result.InstanceId.Should().Be("idaas_2w4vmfrynxi7ae25mt7k5e4opi");
        result.AliUid.Should().Be("1021806970344813");
        result.EventVersion.Should().Be("V1.0");
        result.Failures.Should().BeEmpty();
        var deleted = result.Events.Should().ContainSingle().Which.Should().BeOfType<UserDeletedEvent>().Subject;
        deleted.EventId.Should().Be("evnt_aaaac76zx6x3lxfwgp2f2vm4kvhiv2gi33kqc7q");
        deleted.EventType.Should().Be(IdaasEventTypes.UserDeleted);
        deleted.BusinessId.Should().Be("user_ossx3qxxixacimjwpwqdmmofr4");
        deleted.EventTime.Should().Be(new DateTimeOffset(2022, 3, 30, 7, 34, 52, 578, TimeSpan.Zero));
        deleted.InstanceId.Should().Be("idaas_2w4vmfrynxi7ae25mt7k5e4opi");
        deleted.ApplicationId.Should().Be("app_mi2eu5kkg2onbpmsggd7hgtrzq");
        deleted.TokenId.Should().Be("GRUOIR19y23Q_Q_coz1Kcw");
        deleted.BatchIndex.Should().Be(0);
        deleted.User.UserId.Should().Be("user_ossx3qxxixacimjwpwqdmmofr4");
    }

    [Fact]
    public void SparseDelete_LeavesOtherMembersNull()
    {
        var result = DecoderTestData.DecodeSingle(IdaasEventTypes.UserDeleted, """{"userId":"user_0001"}""");

        var user = result.Events.Should().ContainSingle().Which.Should().BeOfType<UserDeletedEvent>().Subject.User;
        user.Should().BeEquivalentTo(new IdaasUser { UserId = "user_0001" });
        user.OrganizationalUnits.Should().BeNull();
        user.AdditionalProperties.Should().BeEmpty();
    }

    [Fact]
    public void EventTime_StringOrNumber_ReadEqual()
    {
        var builder = DecoderTestData.NewBuilder();
        builder.AddEvent("evnt_string", UserCreate, DecoderTestData.Time, "user_0001", """{"userId":"user_0001"}""");
        builder.WriteEventTimeAsString = false;
        builder.AddEvent("evnt_number", UserCreate, DecoderTestData.Time, "user_0001", """{"userId":"user_0001"}""");

        var result = SyncEventDecoder.Decode(builder.ToUtf8Json(), DecoderTestData.Context);

        result.Failures.Should().BeEmpty();
        result.Events.Should().HaveCount(2);
        result.Events[0].EventTime.Should().Be(DecoderTestData.Time);
        result.Events[1].EventTime.Should().Be(DecoderTestData.Time);
    }

    [Fact]
    public void BatchWithBadEvents_DecodesTheOthers()
    {
        var businessData = DecoderTestData.NewBuilder()
            .AddEvent("evnt_0", UserCreate, DecoderTestData.Time, "user_0", """{"userId":"user_0"}""")
            .AddRawEvent($$"""{"eventId":"evnt_1","eventTime":"","bizId":"user_1","bizData":"{}","eventType":"{{UserCreate}}"}""")
            .AddEvent("evnt_2", UserCreate, DecoderTestData.Time, "user_2", """{"userId":"user_2"}""")
            .AddEvent("evnt_3", UserCreate, DecoderTestData.Time, "user_3", "not json")
            .AddRawEvent($$"""{"eventTime":"1767225599123","bizId":"user_4","bizData":"{}","eventType":"{{UserCreate}}"}""")
            .AddEvent("evnt_5", UserCreate, DecoderTestData.Time, "user_5", """{"userId":"user_5"}""")
            .ToUtf8Json();

        var result = SyncEventDecoder.Decode(businessData, DecoderTestData.Context);

        result.Status.Should().Be(SyncEventDecodingStatus.Succeeded);
        result.Events.Select(e => e.BatchIndex).Should().Equal(0, 2, 5);
        result.Events.Select(e => e.EventId).Should().Equal("evnt_0", "evnt_2", "evnt_5");
        result.Failures.Select(f => f.BatchIndex).Should().Equal(1, 3, 4);
        result.Failures.Select(f => f.EventId).Should().Equal("evnt_1", "evnt_3", null);
        result.Failures[0].Reason.Should().Contain("eventTime");
        result.Failures[1].Reason.Should().Contain("bizData").And.NotContain("not json");
        result.Failures[2].Reason.Should().Contain("eventId");
        result.Failures[2].EventType.Should().Be(UserCreate);
    }

    [Theory]
    [InlineData("""{"eventId":"evnt_1","eventTime":"-5","eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"evnt_1","eventTime":"12a","eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"evnt_1","eventTime":" 12","eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"evnt_1","eventTime":1.5,"eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"evnt_1","eventTime":1e300,"eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"evnt_1","eventTime":"253402300800000","eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"evnt_1","eventTime":true,"eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"evnt_1","eventType":"urn:x","bizData":"{}"}""", "eventTime")]
    [InlineData("""{"eventId":"","eventTime":"1","eventType":"urn:x","bizData":"{}"}""", "eventId")]
    [InlineData("""{"eventId":7,"eventTime":"1","eventType":"urn:x","bizData":"{}"}""", "eventId")]
    [InlineData("""{"eventId":"evnt_1","eventTime":"1","bizData":"{}"}""", "eventType")]
    [InlineData("""{"eventId":"evnt_1","eventTime":"1","eventType":["urn:x"],"bizData":"{}"}""", "eventType")]
    [InlineData("""{"eventId":"evnt_1","eventTime":"1","eventType":"urn:x","bizId":5,"bizData":"{}"}""", "bizId")]
    [InlineData("""{"eventId":"evnt_1","eventTime":"1","eventType":"urn:x","bizData":{"userId":"u"}}""", "bizData")]
    [InlineData("""{"eventId":"evnt_1","eventId":"evnt_2","eventTime":"1","eventType":"urn:x","bizData":"{}"}""", "eventId")]
    [InlineData("""{"eventId":"evnt_1","eventTime":"1","eventType":"urn:x","bizData":"\ud800"}""", "bizData")]
    public void MalformedEventMember_FailsThatEvent(string element, string member)
    {
        var businessData = DecoderTestData.NewBuilder().AddRawEvent(element).ToUtf8Json();

        var result = SyncEventDecoder.Decode(businessData, DecoderTestData.Context);

        result.Status.Should().Be(SyncEventDecodingStatus.Succeeded);
        result.Events.Should().BeEmpty();
        result.Failures.Should().ContainSingle().Which.Reason.Should().Contain(member);
    }

    [Theory]
    [InlineData(UserCreate, """{"userId":"u","createTime":""}""", true)]
    [InlineData(UserCreate, """{"userId":"u","createTime":"yesterday"}""", false)]
    [InlineData(UserCreate, """{"userId":"u","createTime":-2}""", false)]
    [InlineData(UserCreate, """{"userId":"u","emailVerified":"yes"}""", false)]
    [InlineData(UserCreate, """{"userId":"u","userId":"v"}""", false)]
    [InlineData(UserCreate, """{"userId":"u","userOrganizationalUnits":[null]}""", false)]
    [InlineData(UserCreate, """["u"]""", false)]
    [InlineData(UserCreate, "null", false)]
    [InlineData(UserCreate, "", false)]
    [InlineData(IdaasEventTypes.OrganizationalUnitCreated, """{"organizationalUnitId":7}""", false)]
    [InlineData(IdaasEventTypes.GroupCreated, """{"groupId":"g","createTime":"x"}""", false)]
    public void BusinessDataRecord_IsValidatedPerEvent(string eventType, string bizData, bool expectedValid)
    {
        var result = DecoderTestData.DecodeSingle(eventType, bizData);

        result.Status.Should().Be(SyncEventDecodingStatus.Succeeded);
        result.Events.Should().HaveCount(expectedValid ? 1 : 0);
        result.Failures.Should().HaveCount(expectedValid ? 0 : 1);
    }

    [Fact]
    public void NonObjectElement_FailsOnlyItself()
    {
        var businessData = DecoderTestData.NewBuilder()
            .AddRawEvent("42")
            .AddRawEvent("""["nested"]""")
            .AddEvent("evnt_2", UserCreate, DecoderTestData.Time, "user_2", """{"userId":"user_2"}""")
            .ToUtf8Json();

        var result = SyncEventDecoder.Decode(businessData, DecoderTestData.Context);

        result.Failures.Select(f => f.BatchIndex).Should().Equal(0, 1);
        result.Failures.Should().OnlyContain(f => f.EventId == null && f.EventType == null);
        result.Events.Should().ContainSingle().Which.BatchIndex.Should().Be(2);
    }

    [Fact]
    public void ReversedUpdates_KeepOrderAndTimes()
    {
        var t1 = DecoderTestData.Time;
        var t2 = t1.AddSeconds(5);
        var businessData = DecoderTestData.NewBuilder()
            .AddEvent("evnt_t2", IdaasEventTypes.UserInfoUpdated, t2, "user_0001", """{"userId":"user_0001","displayName":"R. Vale"}""")
            .AddEvent("evnt_t1", IdaasEventTypes.UserInfoUpdated, t1, "user_0001", """{"userId":"user_0001","displayName":"Rowan V."}""")
            .ToUtf8Json();

        var result = SyncEventDecoder.Decode(businessData, DecoderTestData.Context);

        var events = result.Events.Cast<UserInfoUpdatedEvent>().ToList();
        events.Select(e => e.EventId).Should().Equal("evnt_t2", "evnt_t1");
        events.Select(e => e.BatchIndex).Should().Equal(0, 1);
        events.Select(e => e.EventTime).Should().Equal(t2, t1);
        events.Select(e => e.User.DisplayName).Should().Equal("R. Vale", "Rowan V.");
    }

    [Fact]
    public void AliUid_AsNumber_IsReadAsText()
    {
        var result = DecoderTestData.Decode("""{"instanceId":"idaas_x","aliUid":1021806970344813,"eventVersion":"V1.0","eventData":"[]"}""");

        result.Status.Should().Be(SyncEventDecodingStatus.Succeeded);
        result.AliUid.Should().Be("1021806970344813");
        result.Events.Should().BeEmpty();
    }

    [Theory]
    [InlineData("not json", nameof(SyncEventDecodingStatus.InvalidJson))]
    [InlineData("", nameof(SyncEventDecodingStatus.InvalidJson))]
    [InlineData("[]", nameof(SyncEventDecodingStatus.InvalidJson))]
    [InlineData("\"text\"", nameof(SyncEventDecodingStatus.InvalidJson))]
    [InlineData("""{"eventData":"[]"} {}""", nameof(SyncEventDecodingStatus.InvalidJson))]
    [InlineData("""{"eventData":"[]",}""", nameof(SyncEventDecodingStatus.InvalidJson))]
    [InlineData("""{"instanceId":"idaas_x"}""", nameof(SyncEventDecodingStatus.MissingEventData))]
    [InlineData("""{"instanceId":5,"eventData":"[]"}""", nameof(SyncEventDecodingStatus.InvalidMember))]
    [InlineData("""{"aliUid":1.5,"eventData":"[]"}""", nameof(SyncEventDecodingStatus.InvalidMember))]
    [InlineData("""{"eventVersion":{},"eventData":"[]"}""", nameof(SyncEventDecodingStatus.InvalidMember))]
    [InlineData("""{"eventData":"[]","eventData":"[]"}""", nameof(SyncEventDecodingStatus.InvalidMember))]
    [InlineData("""{"eventData":[]}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    [InlineData("""{"eventData":null}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    [InlineData("""{"eventData":"not json"}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    [InlineData("""{"eventData":"{}"}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    [InlineData("""{"eventData":"\"[]\""}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    [InlineData("""{"eventData":"[{}"}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    [InlineData("""{"eventData":"[] []"}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    [InlineData("""{"eventData":"\ud800"}""", nameof(SyncEventDecodingStatus.InvalidEventData))]
    public void MalformedEnvelope_FailsWholeBatch(string businessData, string expectedStatus)
    {
        var result = DecoderTestData.Decode(businessData);

        result.Status.Should().Be(Enum.Parse<SyncEventDecodingStatus>(expectedStatus));
        result.Events.Should().BeEmpty();
        result.Failures.Should().BeEmpty();
    }

    [Fact]
    public void NonUtf8Bytes_FailWithoutException()
    {
        byte[] businessData = [.. "{\"eventData\":\"[{\\\"eventId\\\":\\\""u8, 0xFF, .. "\\\"}]\"}"u8];

        var decode = () => SyncEventDecoder.Decode(businessData, DecoderTestData.Context);

        decode.Should().NotThrow();
    }

    [Fact]
    public void RandomMutations_NeverThrow()
    {
        var random = new Random(1648625692);
        var original = DecoderTestData.NewBuilder()
            .AddEvent("evnt_0", UserCreate, DecoderTestData.Time, "user_0", """{"userId":"user_0","createTime":"1648625692578","emailVerified":true,"userOrganizationalUnits":[{"organizationalUnitId":"ou_root","primary":true}]}""")
            .AddEvent("evnt_1", IdaasEventTypes.OrganizationalUnitUpdated, DecoderTestData.Time, "ou_1", """{"organizationalUnitId":"ou_1","name":"Sales"}""")
            .ToUtf8Json();
        byte[] noise = [.. "\"\\{}[]:,0-9aeu \u00ff"u8];

        for (var i = 0; i < 5000; i++)
        {
            var bytes = original.ToList();
            for (var e = random.Next(1, 4); e > 0; e--)
            {
                var index = random.Next(bytes.Count);
                if (random.Next(2) == 0)
                {
                    bytes[index] = noise[random.Next(noise.Length)];
                }
                else
                {
                    bytes.RemoveAt(index);
                }
            }

            var mutated = bytes.ToArray();
            var decode = () => SyncEventDecoder.Decode(mutated, DecoderTestData.Context);

            decode.Should().NotThrow("mutation {0} produced {1}", i, Encoding.UTF8.GetString(mutated));
        }
    }
}
