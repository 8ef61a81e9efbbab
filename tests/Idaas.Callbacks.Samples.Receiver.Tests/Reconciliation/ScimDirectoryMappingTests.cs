using Idaas.Callbacks.Samples.Receiver.Reconciliation;
using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Samples.Receiver.Tests.Reconciliation;

public sealed class ScimDirectoryMappingTests
{
    [Fact]
    public void Email_PrefersPrimary()
    {
        var user = new ScimUser { Emails = [new() { Value = "work@example.com", Type = "work" }, new() { Value = "home@example.com", Type = "home", Primary = true }] };

        ScimDirectoryMapping.GetEmail(user).Should().Be("home@example.com");
    }

    [Fact]
    public void Email_FallsBackToWorkThenFirst()
    {
        var withWork = new ScimUser { Emails = [new() { Value = "home@example.com", Type = "home" }, new() { Value = "work@example.com", Type = "work" }] };
        var withoutWork = new ScimUser { Emails = [new() { Value = "other@example.com", Type = "other" }] };

        ScimDirectoryMapping.GetEmail(withWork).Should().Be("work@example.com");
        ScimDirectoryMapping.GetEmail(withoutWork).Should().Be("other@example.com");
        ScimDirectoryMapping.GetEmail(new ScimUser()).Should().BeNull();
    }

    [Theory]
    [InlineData(true, "disabled", "enabled")]
    [InlineData(false, "enabled", "disabled")]
    [InlineData(null, "disabled", "disabled")]
    public void Status_FollowsActive(bool? active, string stored, string expected)
    {
        ScimDirectoryMapping.GetStatus(new ScimUser { Active = active }, stored).Should().Be(expected);
    }

    [Fact]
    public void Members_LeaveOutNestedGroups()
    {
        var group = new ScimGroup { Members = [new() { Value = "user_a", Type = "User" }, new() { Value = "user_b" }, new() { Value = "group_c", Type = "Group" }, new() { Value = "" }] };

        ScimDirectoryMapping.GetUserMemberIds(group).Should().BeEquivalentTo(["user_a", "user_b"]);
    }
}
