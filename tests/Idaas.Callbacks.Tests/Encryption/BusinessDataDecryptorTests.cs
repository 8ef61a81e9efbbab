using System.Security.Cryptography;
using System.Text;
using Idaas.Callbacks.Encryption;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Encryption;

public class BusinessDataDecryptorTests
{
    private const string A256GcmHeader = """{"alg":"dir","enc":"A256GCM"}""";

    private static readonly byte[] VectorKey = Convert.FromHexString(RealVector.Instance.EncryptionKey);

    private readonly BusinessDataDecryptor _decryptor = new(VectorKey);

    [Fact]
    public void RealVector_DecryptsToExpectedPlaintext()
    {
        var status = _decryptor.TryDecrypt(RealVector.Instance.CipherData, out var plaintext, out var reason);

        status.Should().Be(DecryptionStatus.Succeeded);
        reason.Should().Be(DecryptionFailureReason.None);
        Encoding.UTF8.GetString(plaintext!).Should().Be(RealVector.Instance.Plaintext);
    }

    // Positions are counted inside each segment: first character, a middle one and the last one.
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 10)]
    [InlineData(0, -1)]
    [InlineData(2, 0)]
    [InlineData(2, 7)]
    [InlineData(2, -1)]
    [InlineData(3, 0)]
    [InlineData(3, 200)]
    [InlineData(3, -1)]
    [InlineData(4, 0)]
    [InlineData(4, 11)]
    [InlineData(4, -1)]
    public void AlteredCharacter_InAnySegment_Fails(int segment, int position)
    {
        var segments = RealVector.Instance.CipherData.Split('.');
        var text = segments[segment].ToCharArray();
        var index = position < 0 ? text.Length + position : position;
        text[index] = text[index] == 'A' ? 'B' : 'A';
        segments[segment] = new string(text);

        var status = _decryptor.TryDecrypt(string.Join('.', segments), out var plaintext);

        status.Should().Be(DecryptionStatus.Failed);
        plaintext.Should().BeNull();
    }

    [Fact]
    public void CharacterInEncryptedKeySegment_Fails()
    {
        var segments = RealVector.Instance.CipherData.Split('.');
        segments[1] = "AA";

        var status = _decryptor.TryDecrypt(string.Join('.', segments), out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.NonEmptyEncryptedKey);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PaddedSegment_Fails(int segment)
    {
        var segments = RealVector.Instance.CipherData.Split('.');
        var padding = (4 - (segments[segment].Length % 4)) % 4;
        segments[segment] += new string('=', padding == 0 ? 4 : padding);

        var status = _decryptor.TryDecrypt(string.Join('.', segments), out _);

        status.Should().Be(DecryptionStatus.Failed);
    }

    [Theory]
    [InlineData('-', '+')]
    [InlineData('_', '/')]
    public void StandardBase64Alphabet_Fails(char urlCharacter, char standardCharacter)
    {
        var jwe = RealVector.Instance.CipherData;
        var ciphertextStart = jwe.IndexOf("..", StringComparison.Ordinal) + 19;
        var index = jwe.IndexOf(urlCharacter, ciphertextStart);
        index.Should().BePositive("the vector's ciphertext contains '{0}'", urlCharacter);

        var altered = string.Concat(jwe.AsSpan(0, index), standardCharacter.ToString(), jwe.AsSpan(index + 1));
        var status = _decryptor.TryDecrypt(altered, out _);

        status.Should().Be(DecryptionStatus.Failed);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(" ")]
    public void WhitespaceInsideCiphertext_Fails(string whitespace)
    {
        var jwe = RealVector.Instance.CipherData;
        var altered = jwe.Insert(jwe.Length / 2, whitespace);

        var status = _decryptor.TryDecrypt(altered, out _);

        status.Should().Be(DecryptionStatus.Failed);
    }

    [Fact]
    public void WrongKey_FailsLikeAlteredTag()
    {
        var wrongKey = (byte[])VectorKey.Clone();
        wrongKey[0] ^= 0x01;
        var segments = RealVector.Instance.CipherData.Split('.');
        segments[4] = (segments[4][0] == 'A' ? "B" : "A") + segments[4][1..];

        var wrongKeyStatus = new BusinessDataDecryptor(wrongKey).TryDecrypt(RealVector.Instance.CipherData, out _, out var wrongKeyReason);
        var alteredTagStatus = _decryptor.TryDecrypt(string.Join('.', segments), out _, out var alteredTagReason);

        wrongKeyStatus.Should().Be(DecryptionStatus.Failed);
        alteredTagStatus.Should().Be(wrongKeyStatus);
        wrongKeyReason.Should().Be(DecryptionFailureReason.AuthenticationFailed);
        alteredTagReason.Should().Be(wrongKeyReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("....")]
    [InlineData("not a token")]
    public void EmptyOrShapeless_Fails(string input)
    {
        var status = _decryptor.TryDecrypt(input, out var plaintext);

        status.Should().Be(DecryptionStatus.Failed);
        plaintext.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"alg":"A256KW","enc":"A256GCM"}""", nameof(DecryptionFailureReason.UnsupportedAlgorithm))]
    [InlineData("""{"alg":"none","enc":"A256GCM"}""", nameof(DecryptionFailureReason.UnsupportedAlgorithm))]
    [InlineData("""{"alg":"DIR","enc":"A256GCM"}""", nameof(DecryptionFailureReason.UnsupportedAlgorithm))]
    [InlineData("""{"alg":"dir","enc":"A128CBC-HS256"}""", nameof(DecryptionFailureReason.UnsupportedEncryption))]
    [InlineData("""{"alg":"dir","enc":"A128GCM"}""", nameof(DecryptionFailureReason.UnsupportedEncryption))]
    [InlineData("""{"alg":"dir","enc":"A256GCM","zip":"DEF"}""", nameof(DecryptionFailureReason.UnsupportedHeaderParameter))]
    [InlineData("""{"alg":"dir","enc":"A256GCM","crit":["exp"]}""", nameof(DecryptionFailureReason.UnsupportedHeaderParameter))]
    [InlineData("""{"kid":"k1","alg":"dir","enc":"A256GCM"}""", nameof(DecryptionFailureReason.UnsupportedHeaderParameter))]
    [InlineData("""{"alg":"dir","alg":"dir","enc":"A256GCM"}""", nameof(DecryptionFailureReason.MalformedHeader))]
    [InlineData("""{"alg":"dir"}""", nameof(DecryptionFailureReason.MalformedHeader))]
    [InlineData("""{"alg":"dir","enc":7}""", nameof(DecryptionFailureReason.MalformedHeader))]
    [InlineData("""{"alg":"dir","enc":"A256GCM"} x""", nameof(DecryptionFailureReason.MalformedHeader))]
    [InlineData("""["dir","A256GCM"]""", nameof(DecryptionFailureReason.MalformedHeader))]
    [InlineData("not json", nameof(DecryptionFailureReason.MalformedHeader))]
    public void UnsupportedHeader_Fails(string headerJson, string expectedReason)
    {
        var jwe = TestJwe.Encrypt(VectorKey, headerJson, """{"instanceId":"idaas_test"}""");

        var status = _decryptor.TryDecrypt(jwe, out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(Enum.Parse<DecryptionFailureReason>(expectedReason));
    }

    [Fact]
    public void SixteenByteKey_WithA256GcmHeader_Fails()
    {
        var shortKey = RandomNumberGenerator.GetBytes(16);
        var jwe = TestJwe.Encrypt(VectorKey, A256GcmHeader, "{}");

        var status = new BusinessDataDecryptor(shortKey).TryDecrypt(jwe, out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.UnsupportedEncryption);
    }

    [Fact]
    public void NonEmptyEncryptedKey_Fails()
    {
        var jwe = TestJwe.Encrypt(VectorKey, A256GcmHeader, Encoding.UTF8.GetBytes("{}"), encryptedKey: "AAAA");

        var status = _decryptor.TryDecrypt(jwe, out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.NonEmptyEncryptedKey);
    }

    [Fact]
    public void SixteenByteInitializationVector_Fails()
    {
        var jwe = TestJwe.Encrypt(VectorKey, A256GcmHeader, Encoding.UTF8.GetBytes("{}"), initializationVectorLength: 16);

        var status = _decryptor.TryDecrypt(jwe, out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.InvalidInitializationVector);
    }

    [Fact]
    public void TwelveByteTag_Fails()
    {
        var jwe = TestJwe.Encrypt(VectorKey, A256GcmHeader, Encoding.UTF8.GetBytes("{}"), tagLength: 12);

        var status = _decryptor.TryDecrypt(jwe, out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.InvalidAuthenticationTag);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void WrongSegmentCount_Fails(int segmentCount)
    {
        var segments = RealVector.Instance.CipherData.Split('.').ToList();
        if (segmentCount < segments.Count)
        {
            segments.RemoveAt(1);
        }
        else
        {
            segments.Insert(1, string.Empty);
        }

        var status = _decryptor.TryDecrypt(string.Join('.', segments), out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.MalformedCompactSerialization);
    }

    [Fact]
    public void EmptyCiphertext_Fails()
    {
        var jwe = TestJwe.Encrypt(VectorKey, A256GcmHeader, []);

        var status = _decryptor.TryDecrypt(jwe, out _, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.InvalidCiphertext);
    }

    [Fact]
    public void NonUtf8Plaintext_Fails()
    {
        var jwe = TestJwe.Encrypt(VectorKey, A256GcmHeader, [0x7B, 0xFF, 0xFE, 0x7D]);

        var status = _decryptor.TryDecrypt(jwe, out var plaintext, out var reason);

        status.Should().Be(DecryptionStatus.Failed);
        reason.Should().Be(DecryptionFailureReason.InvalidUtf8);
        plaintext.Should().BeNull();
    }

    [Theory]
    [InlineData("A128GCM", 16)]
    [InlineData("A192GCM", 24)]
    [InlineData("A256GCM", 32)]
    public void MatchingKeyAndEncryption_Succeeds(string encryption, int keyLength)
    {
        var key = RandomNumberGenerator.GetBytes(keyLength);
        var jwe = TestJwe.Encrypt(key, $$"""{"alg":"dir","enc":"{{encryption}}"}""", """{"instanceId":"idaas_test"}""");

        var status = new BusinessDataDecryptor(key).TryDecrypt(jwe, out var plaintext);

        status.Should().Be(DecryptionStatus.Succeeded);
        Encoding.UTF8.GetString(plaintext!).Should().Be("""{"instanceId":"idaas_test"}""");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(31)]
    [InlineData(33)]
    public void Constructor_KeyOfWrongLength_Throws(int keyLength)
    {
        var create = () => new BusinessDataDecryptor(new byte[keyLength]);

        create.Should().Throw<ArgumentException>().WithParameterName("key");
    }

    [Fact]
    public void RandomMutations_NeverThrow()
    {
        var random = new Random(20220330);
        var original = RealVector.Instance.CipherData;
        const string Alphabet = "ABCabc019-_.=+/ \n\"{}";

        for (var i = 0; i < 5000; i++)
        {
            var text = original.ToCharArray().ToList();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                var index = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0:
                        text[index] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    case 1:
                        text.RemoveAt(index);
                        break;
                    default:
                        text.Insert(index, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                }
            }

            var mutated = new string([.. text]);
            if (mutated == original)
            {
                continue;
            }

            var status = _decryptor.TryDecrypt(mutated, out _);

            status.Should().Be(DecryptionStatus.Failed, "mutation {0} changed the token to {1}", i, mutated);
        }
    }
}
