using System.Text;
using Idaas.Callbacks.Encryption;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Tests.Encryption;

public class EncryptorRoundTripTests
{
    [Fact]
    public void TestingEncryptor_OutputDecrypts()
    {
        var hexKey = BusinessDataEncryptor.GenerateHexKey();
        BusinessDataDecryptor.TryParseHexKey(hexKey, out var key).Should().BeTrue();
        const string Plaintext = """{"instanceId":"idaas_test","eventData":"[]","note":"中文 ✓"}""";

        var jwe = new BusinessDataEncryptor(hexKey).Encrypt(Plaintext);
        var status = new BusinessDataDecryptor(key).TryDecrypt(jwe, out var plaintext);

        status.Should().Be(DecryptionStatus.Succeeded);
        Encoding.UTF8.GetString(plaintext!).Should().Be(Plaintext);
    }

    [Fact]
    public void TestingEncryptor_OtherKey_Fails()
    {
        var jwe = new BusinessDataEncryptor(BusinessDataEncryptor.GenerateHexKey()).Encrypt("{}");
        BusinessDataDecryptor.TryParseHexKey(BusinessDataEncryptor.GenerateHexKey(), out var otherKey).Should().BeTrue();

        var status = new BusinessDataDecryptor(otherKey).TryDecrypt(jwe, out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.AuthenticationFailed);
    }
}
