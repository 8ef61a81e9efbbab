using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Idaas.Callbacks.Testing.Tests;

public class BusinessDataEncryptorTests
{
    private const string HexKey = "c875aa2355889a904827c6924f2faa639cac3ebadff4e619b6a33cfe223e24b6";

    [Fact]
    public void Encrypt_ProducesIdaasJweLayout()
    {
        var jwe = new BusinessDataEncryptor(HexKey).Encrypt("""{"instanceId":"idaas_test"}""");

        var segments = jwe.Split('.');
        segments.Should().HaveCount(5);
        segments[0].Should().Be("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0");
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(segments[0])).Should().Be("""{"alg":"dir","enc":"A256GCM"}""");
        segments[1].Should().BeEmpty();
        Base64Url.DecodeFromChars(segments[2]).Should().HaveCount(12);
        Base64Url.DecodeFromChars(segments[3]).Should().HaveCount(Encoding.UTF8.GetByteCount("""{"instanceId":"idaas_test"}"""));
        Base64Url.DecodeFromChars(segments[4]).Should().HaveCount(16);
        jwe.Should().NotContainAny("=", "+", "/");
    }

    [Fact]
    public void Encrypt_DecryptsWithAesGcm()
    {
        const string Plaintext = """{"instanceId":"idaas_test","note":"中文"}""";

        var segments = new BusinessDataEncryptor(HexKey).Encrypt(Plaintext).Split('.');

        var ciphertext = Base64Url.DecodeFromChars(segments[3]);
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(Convert.FromHexString(HexKey), 16);
        aes.Decrypt(
            Base64Url.DecodeFromChars(segments[2]),
            ciphertext,
            Base64Url.DecodeFromChars(segments[4]),
            plaintext,
            Encoding.ASCII.GetBytes(segments[0]));
        Encoding.UTF8.GetString(plaintext).Should().Be(Plaintext);
    }

    [Fact]
    public void Encrypt_UsesFreshInitializationVector()
    {
        var encryptor = new BusinessDataEncryptor(HexKey);

        var first = encryptor.Encrypt("{}").Split('.')[2];
        var second = encryptor.Encrypt("{}").Split('.')[2];

        first.Should().NotBe(second);
    }

    [Fact]
    public void HexKey_AcceptsUpperCase()
    {
        var create = () => new BusinessDataEncryptor(HexKey.ToUpperInvariant());

        create.Should().NotThrow();
    }

    [Theory]
    [InlineData("")]
    [InlineData("c875aa2355889a904827c6924f2faa639cac3ebadff4e619b6a33cfe223e24b")]
    [InlineData("c875aa2355889a904827c6924f2faa639cac3ebadff4e619b6a33cfe223e24bz")]
    [InlineData("yHWqI1WImpBIJ8aSTy+qY5ysPrrf9OYZtqM8/iI+JLY=")]
    public void HexKey_Malformed_Throws(string hexKey)
    {
        var create = () => new BusinessDataEncryptor(hexKey);

        create.Should().Throw<ArgumentException>().WithParameterName(nameof(hexKey));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void ByteKey_OfWrongLength_Throws(int length)
    {
        var create = () => new BusinessDataEncryptor(new byte[length]);

        create.Should().Throw<ArgumentException>().WithParameterName("key");
    }

    [Fact]
    public void GenerateHexKey_ReturnsDistinctLowerCaseKeys()
    {
        var first = BusinessDataEncryptor.GenerateHexKey();
        var second = BusinessDataEncryptor.GenerateHexKey();

        first.Should().MatchRegex("^[0-9a-f]{64}$");
        second.Should().NotBe(first);
    }
}
