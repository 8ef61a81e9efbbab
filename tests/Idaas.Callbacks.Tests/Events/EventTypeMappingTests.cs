using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Tests.Events;

public class EventTypeMappingTests
{
    public static TheoryData<string, Type> KnownTypes => new()
    {
        { "urn:alibaba:idaas:app:event:ud:user:create", typeof(UserCreatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:delete", typeof(UserDeletedEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:update_info", typeof(UserInfoUpdatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:update_password", typeof(UserPasswordUpdatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:disable", typeof(UserDisabledEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:enable", typeof(UserEnabledEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:lock", typeof(UserLockedEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:unlock", typeof(UserUnlockedEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:update_primary_ou", typeof(UserPrimaryOrganizationalUnitUpdatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:user:push", typeof(UserPushedEvent) },
        { "urn:alibaba:idaas:app:event:ud:organizational_unit:create", typeof(OrganizationalUnitCreatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:organizational_unit:delete", typeof(OrganizationalUnitDeletedEvent) },
        { "urn:alibaba:idaas:app:event:ud:organizational_unit:update", typeof(OrganizationalUnitUpdatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:organizational_unit:update_parent_organizational_unit", typeof(OrganizationalUnitMovedEvent) },
        { "urn:alibaba:idaas:app:event:ud:organizational_unit:add_user", typeof(OrganizationalUnitUserAddedEvent) },
        { "urn:alibaba:idaas:app:event:ud:organizational_unit:remove_user", typeof(OrganizationalUnitUserRemovedEvent) },
        { "urn:alibaba:idaas:app:event:ud:organizational_unit:push", typeof(OrganizationalUnitPushedEvent) },
        { "urn:alibaba:idaas:app:event:ud:group:create", typeof(GroupCreatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:group:update", typeof(GroupUpdatedEvent) },
        { "urn:alibaba:idaas:app:event:ud:group:delete", typeof(GroupDeletedEvent) },
        { "urn:alibaba:idaas:app:event:ud:group:add_user", typeof(GroupUserAddedEvent) },
        { "urn:alibaba:idaas:app:event:ud:group:remove_user", typeof(GroupUserRemovedEvent) },
        { "urn:alibaba:idaas:app:event:ud:group:push", typeof(GroupPushedEvent) },
        { "urn:alibaba:idaas:app:event:common:test", typeof(TestEvent) },
    };

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void KnownUrn_MapsToItsRecord(string eventType, Type expectedType)
    {
        var result = DecoderTestData.DecodeSingle(eventType, """{"userId":"user_1","organizationalUnitId":"ou_1","groupId":"group_1"}""");

        result.Failures.Should().BeEmpty();
        var decoded = result.Events.Should().ContainSingle().Subject;
        decoded.Should().BeOfType(expectedType);
        decoded.EventType.Should().Be(eventType);
        decoded.InstanceId.Should().Be(DecoderTestData.Context.InstanceId);
        decoded.ApplicationId.Should().Be(DecoderTestData.Context.ApplicationId);
        decoded.TokenId.Should().Be(DecoderTestData.Context.TokenId);
    }

    [Fact]
    public void EveryConstant_IsInTheTable()
    {
        var constants = typeof(IdaasEventTypes).GetFields()
            .Where(f => f.Name != nameof(IdaasEventTypes.Prefix))
            .Select(f => (string)f.GetRawConstantValue()!);
        var table = KnownTypes.Select(row => (string)row[0]);

        constants.Should().BeEquivalentTo(table);
    }

    [Theory]
    [InlineData("urn:alibaba:idaas:app:event:ud:user:archive")]
    [InlineData("urn:alibaba:idaas:app:event:ud:user:CREATE")]
    [InlineData("urn:example:other")]
    public void UnknownUrn_KeepsRawBusinessData(string eventType)
    {
        const string BizData = """{"anything":[1,2,3]}""";

        var result = DecoderTestData.DecodeSingle(eventType, BizData);

        var unrecognized = result.Events.Should().ContainSingle().Which.Should().BeOfType<UnrecognizedEvent>().Subject;
        unrecognized.BusinessData.Should().Be(BizData);
        unrecognized.EventType.Should().Be(eventType);
    }

    [Fact]
    public void RawBusinessData_IsNotPrinted()
    {
        const string BizData = """{"userId":"u","password":"S3cret!pw-Rowan"}""";

        var result = DecoderTestData.DecodeSingle("urn:alibaba:idaas:app:event:ud:user:future_type", BizData);

        var printed = result.Events.Should().ContainSingle().Subject.ToString();
        printed.Should().NotContain("S3cret");
        printed.Should().Contain($"BusinessData = ({BizData.Length} characters, not shown)");
        printed.Should().Contain("EventId = evnt_0001");
    }

    [Fact]
    public void TestEvent_KeepsRawBusinessData()
    {
        var result = DecoderTestData.DecodeSingle(IdaasEventTypes.Test, "not even json", bizId: "");

        var test = result.Events.Should().ContainSingle().Which.Should().BeOfType<TestEvent>().Subject;
        test.BusinessData.Should().Be("not even json");
        test.BusinessId.Should().BeNull("an empty bizId names no entity");
    }

    [Fact]
    public void TestEvent_WithoutBizData_HasNullData()
    {
        var businessData = DecoderTestData.NewBuilder()
            .AddRawEvent("""{"eventId":"evnt_t","eventTime":"1","eventType":"urn:alibaba:idaas:app:event:common:test"}""")
            .ToUtf8Json();

        var result = SyncEventDecoder.Decode(businessData, DecoderTestData.Context);

        var test = result.Events.Should().ContainSingle().Which.Should().BeOfType<TestEvent>().Subject;
        test.BusinessData.Should().BeNull();
        test.BusinessId.Should().BeNull();
    }

    [Fact]
    public void UserEvent_WithoutBizData_Fails()
    {
        var businessData = DecoderTestData.NewBuilder()
            .AddRawEvent("""{"eventId":"evnt_u","eventTime":"1","bizId":"user_1","eventType":"urn:alibaba:idaas:app:event:ud:user:delete"}""")
            .ToUtf8Json();

        var result = SyncEventDecoder.Decode(businessData, DecoderTestData.Context);

        result.Events.Should().BeEmpty();
        result.Failures.Should().ContainSingle().Which.Reason.Should().Be("The bizData member is missing.");
    }
}
