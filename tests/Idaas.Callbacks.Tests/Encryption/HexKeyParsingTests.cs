using Idaas.Callbacks.Encryption;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Encryption;

public class HexKeyParsingTests
{
    [Fact]
    public void LowerCaseKey_ParsesToThirtyTwoBytes()
    {
        var parsed = BusinessDataDecryptor.TryParseHexKey(RealVector.Instance.EncryptionKey, out var key);

        parsed.Should().BeTrue();
        key.Should().Equal(Convert.FromHexString(RealVector.Instance.EncryptionKey));
        key.Should().HaveCount(32);
    }

    [Fact]
    public void UpperCaseKey_ParsesToSameBytes()
    {
        var parsed = BusinessDataDecryptor.TryParseHexKey(RealVector.Instance.EncryptionKey.ToUpperInvariant(), out var key);

        parsed.Should().BeTrue();
        key.Should().Equal(Convert.FromHexString(RealVector.Instance.EncryptionKey));
    }

    public static TheoryData<string?> InvalidKeys => new()
    {
        null,
        string.Empty,
        new string('a', 63),
        new string('a', 65),
        new string('a', 62) + "0g",
        new string('a', 63) + " ",
        " " + new string('a', 64),
        "yHWqI1WImpBIJ8aSTy+qY5ysPrrf9OYZtqM8/iI+JLY=",
        "yHWqI1WImpBIJ8aSTy-qY5ysPrrf9OYZtqM8_iI-JLY",
        "0x" + new string('a', 62),
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public void MalformedKey_IsRejected(string? hex)
    {
        var parsed = BusinessDataDecryptor.TryParseHexKey(hex, out var key);

        parsed.Should().BeFalse();
        key.Should().BeEmpty();
    }
}
