using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Simulation;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Samples.Receiver.Tests;

public class DirectoryComparerTests
{
    private static readonly SimulatorDirectorySnapshot Expected = new()
    {
        Users = [new SimulatorUserSnapshot { UserId = "user_a", Username = "alice", DisplayName = "Alice", Status = "enabled", PasswordSet = false, PrimaryOrganizationalUnitId = "ou_root" }],
        OrganizationalUnits = [new SimulatorOrganizationalUnitSnapshot { OrganizationalUnitId = "ou_root", Name = "Root" }],
        Groups = [new SimulatorGroupSnapshot { GroupId = "group_a", Name = "Admins", MemberIds = ["user_a"] }],
    };

    private static readonly DirectoryUser Alice = new() { UserId = "user_a", Username = "alice", DisplayName = "Alice", Status = "enabled", PasswordSet = false, PrimaryOrganizationalUnitId = "ou_root" };

    private static readonly DirectoryOrganizationalUnit Root = new() { OrganizationalUnitId = "ou_root", Name = "Root" };

    private static readonly DirectoryGroup Admins = new() { GroupId = "group_a", Name = "Admins", MemberIds = ["user_a"] };

    [Fact]
    public void Compare_EqualDirectories_NoDifferences()
    {
        DirectoryComparer.Compare(Expected, [Alice], [Root], [Admins]).Should().BeEmpty();
    }

    [Fact]
    public void Compare_ChangedField_NamesIt()
    {
        var differences = DirectoryComparer.Compare(Expected, [Alice with { Status = "disabled" }], [Root], [Admins]);

        differences.Should().Equal("user user_a: status is 'disabled' locally and 'enabled' in the simulator");
    }

    [Fact]
    public void Compare_MissingAndExtra_Listed()
    {
        var extra = Root with { OrganizationalUnitId = "ou_extra" };

        var differences = DirectoryComparer.Compare(Expected, [], [Root, extra], [Admins with { MemberIds = [] }]);

        differences.Should().Equal(
            "user user_a: missing in the local directory",
            "organizational unit ou_extra: in the local directory but not in the simulator",
            "group group_a: memberIds is '' locally and 'user_a' in the simulator");
    }
}
