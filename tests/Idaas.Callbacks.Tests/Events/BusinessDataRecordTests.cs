using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Tests.Events;

public class BusinessDataRecordTests
{
    private const string CurrentUser = """
        {"userId":"user_0001","username":"rowan.vale","displayName":"Rowan Vale",
         "userExternalId":"ext-1","userSourceType":"build_in","userSourceId":"idaas_simtenant01",
         "passwordSet":true,"phoneNumber":"13800000000","phoneRegion":"86","phoneVerified":false,
         "email":"rowan.vale@example.test","emailVerified":true,"status":"enabled",
         "accountExpireTime":-1,"lockExpireTime":-1,"registerTime":1648625692000,"createTime":1648625692000,
         "updateTime":1648625692578,"description":"Sales lead","primaryOrganizationalUnitId":"ou_root",
         "userOrganizationalUnits":[{"organizationalUnitId":"ou_root","organizationalUnitName":"Example Corp","primary":true}]}
        """;

    // The 2022 wire form: old member names and numbers sent as strings.
    private const string LegacyUser = """
        {"userId":"user_0001","username":"rowan.vale","displayName":"Rowan Vale",
         "externalId":"ext-1","sourceType":"build_in","sourceId":"idaas_simtenant01",
         "passwordSet":true,"phoneNumber":"13800000000","phoneRegion":"86","phoneVerified":false,
         "email":"rowan.vale@example.test","emailVerified":true,"status":"enabled",
         "accountExpireTime":"-1","lockExpireTime":"-1","registerTime":"1648625692000","createTime":"1648625692000",
         "lastUpdatedTime":"1648625692578","description":"Sales lead","primaryOrganizationalUnitId":"ou_root",
         "organizationalUnits":[{"organizationalUnitId":"ou_root","name":"Example Corp","primary":true}]}
        """;

    [Fact]
    public void CurrentAndLegacyUserNames_ProduceEqualRecords()
    {
        var current = DecodeUser(CurrentUser);
        var legacy = DecodeUser(LegacyUser);

        legacy.Should().BeEquivalentTo(current);
        current.ExternalId.Should().Be("ext-1");
        current.SourceType.Should().Be("build_in");
        current.SourceId.Should().Be("idaas_simtenant01");
        current.UpdateTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1648625692578));
        current.CreateTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1648625692000));
        current.PasswordSet.Should().BeTrue();
        current.PhoneVerified.Should().BeFalse();
        current.OrganizationalUnits.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new IdaasUserOrganizationalUnit { OrganizationalUnitId = "ou_root", Name = "Example Corp", Primary = true });
        current.AdditionalProperties.Should().BeEmpty();
    }

    [Fact]
    public void MinusOneTimes_ReadAsNoTime()
    {
        var user = DecodeUser("""{"userId":"u","accountExpireTime":"-1","lockExpireTime":-1,"registerTime":null}""");

        user.AccountExpireTime.Should().BeNull();
        user.LockExpireTime.Should().BeNull();
        user.RegisterTime.Should().BeNull();
    }

    [Fact]
    public void CurrentName_WinsOverLegacyName()
    {
        var user = DecodeUser("""{"userId":"u","externalId":"old","userExternalId":"new","lastUpdatedTime":"1","updateTime":"2"}""");

        user.ExternalId.Should().Be("new");
        user.UpdateTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(2));
    }

    [Fact]
    public void FlagsSentAsStrings_AreRead()
    {
        var user = DecodeUser("""{"userId":"u","emailVerified":"true","phoneVerified":"false"}""");

        user.EmailVerified.Should().BeTrue();
        user.PhoneVerified.Should().BeFalse();
    }

    [Fact]
    public void UnknownMembers_AreKept()
    {
        var user = DecodeUser("""{"userId":"u","nickname":"Ro","customFields":{"level":3},"userOrganizationalUnits":[{"organizationalUnitId":"ou_1","path":"/a"}]}""");

        user.AdditionalProperties.Keys.Should().BeEquivalentTo("nickname", "customFields");
        user.AdditionalProperties["nickname"].GetString().Should().Be("Ro");
        user.AdditionalProperties["customFields"].GetProperty("level").GetInt32().Should().Be(3);
        user.OrganizationalUnits![0].AdditionalProperties["path"].GetString().Should().Be("/a");
    }

    [Fact]
    public void Password_IsReadableButNotPrinted()
    {
        const string Secret = "S3cret!pw-Rowan";
        var result = DecoderTestData.DecodeSingle(IdaasEventTypes.UserPasswordUpdated, $$"""{"userId":"u","password":"{{Secret}}","pwdNote":"x"}""");
        var updated = result.Events.Should().ContainSingle().Which.Should().BeOfType<UserPasswordUpdatedEvent>().Subject;

        updated.User.Password.Should().Be(Secret);
        updated.User.ToString().Should().NotContain(Secret).And.Contain("Password = ***").And.Contain("UserId = u");
        updated.ToString().Should().NotContain(Secret).And.Contain("evnt_0001");
        new IdaasUser { UserId = "u" }.ToString().Should().Contain("Password = ,");
    }

    [Fact]
    public void InvalidCreateWithPassword_ReasonOmitsPassword()
    {
        const string Secret = "S3cret!pw-Rowan";

        var result = DecoderTestData.DecodeSingle(IdaasEventTypes.UserCreated, $$"""{"userId":"u","password":"{{Secret}}","createTime":"soon"}""");

        result.Failures.Should().ContainSingle().Which.Reason.Should().NotContain(Secret).And.NotContain("soon");
    }

    [Fact]
    public void CurrentAndLegacyUnitNames_ProduceEqualRecords()
    {
        var current = DecodeUnit("""
            {"organizationalUnitId":"ou_1","organizationalUnitName":"Sales","parentId":"ou_root",
             "organizationalUnitExternalId":"ext-ou","organizationalUnitSourceType":"build_in",
             "organizationalUnitSourceId":"idaas_x","createTime":"1648625692000","updateTime":"1648625692578","description":"d"}
            """);
        var legacy = DecodeUnit("""
            {"organizationalUnitId":"ou_1","name":"Sales","parentId":"ou_root","externalId":"ext-ou",
             "sourceType":"build_in","sourceId":"idaas_x","createTime":1648625692000,"lastUpdatedTime":1648625692578,"description":"d"}
            """);

        legacy.Should().BeEquivalentTo(current);
        current.Name.Should().Be("Sales");
        current.ExternalId.Should().Be("ext-ou");
        current.UpdateTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1648625692578));
    }

    [Fact]
    public void GroupMembers_AreMappedAndUnknownOnesKept()
    {
        var result = DecoderTestData.DecodeSingle(
            IdaasEventTypes.GroupUserAdded,
            """{"groupId":"group_1","groupName":"Ops","groupExternalId":"g-ext","groupSourceType":"build_in","userIds":["user_1","user_2"]}""",
            bizId: "group_1");

        var group = result.Events.Should().ContainSingle().Which.Should().BeOfType<GroupUserAddedEvent>().Subject.Group;
        group.GroupId.Should().Be("group_1");
        group.Name.Should().Be("Ops");
        group.ExternalId.Should().Be("g-ext");
        group.SourceType.Should().Be("build_in");
        group.AdditionalProperties["userIds"].EnumerateArray().Select(e => e.GetString()).Should().Equal("user_1", "user_2");
    }

    private static IdaasUser DecodeUser(string bizData)
    {
        var result = DecoderTestData.DecodeSingle(IdaasEventTypes.UserCreated, bizData);
        result.Failures.Should().BeEmpty();
        return result.Events.Should().ContainSingle().Which.Should().BeOfType<UserCreatedEvent>().Subject.User;
    }

    private static IdaasOrganizationalUnit DecodeUnit(string bizData)
    {
        var result = DecoderTestData.DecodeSingle(IdaasEventTypes.OrganizationalUnitUpdated, bizData, bizId: "ou_1");
        result.Failures.Should().BeEmpty();
        return result.Events.Should().ContainSingle().Which.Should().BeOfType<OrganizationalUnitUpdatedEvent>().Subject.OrganizationalUnit;
    }
}
