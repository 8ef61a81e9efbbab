using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Keys.Internal;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class JwksEntryParserTests
{
    private static readonly RSAParameters Key = TestRsaKeys.First.ExportParameters(includePrivateParameters: false);

    private static string N => TestJwks.Encode(Key.Modulus!);

    public static TheoryData<string, string, string> UnusableEntries => new()
    {
        { "string entry", "\"oops\"", nameof(JwksEntryProblem.NotAnObject) },
        { "array entry", "[]", nameof(JwksEntryProblem.NotAnObject) },
        { "post-quantum AKP", """{"kty":"AKP","alg":"ML-DSA-65","kid":"pq-1","pub":"AAAA"}""", nameof(JwksEntryProblem.UnsupportedKeyType) },
        { "EC without y", """{"kty":"EC","crv":"P-256","kid":"ec-1","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"}""", nameof(JwksEntryProblem.UnsupportedKeyType) },
        { "lowercase kty", $$"""{"kty":"rsa","kid":"k","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.UnsupportedKeyType) },
        { "symmetric oct", """{"kty":"oct","kid":"sym-1","k":"c2VjcmV0"}""", nameof(JwksEntryProblem.SymmetricKey) },
        { "missing kty", $$"""{"kid":"k","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.MissingKeyType) },
        { "numeric kty", $$"""{"kty":1,"kid":"k","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.MissingKeyType) },
        { "numeric kid", $$"""{"kty":"RSA","kid":5,"e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidKeyId) },
        { "empty kid", $$"""{"kty":"RSA","kid":"","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidKeyId) },
        { "duplicate n", $$"""{"kty":"RSA","kid":"k","e":"AQAB","n":"{{N}}","n":"{{N}}"}""", nameof(JwksEntryProblem.DuplicateMember) },
        { "use enc", $$"""{"kty":"RSA","kid":"k","use":"enc","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.NotForSignatures) },
        { "numeric use", $$"""{"kty":"RSA","kid":"k","use":1,"e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidMember) },
        { "key_ops without verify", $$"""{"kty":"RSA","kid":"k","key_ops":["encrypt"],"e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.NotForSignatures) },
        { "key_ops string", $$"""{"kty":"RSA","kid":"k","key_ops":"verify","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidMember) },
        { "alg RS384", $$"""{"kty":"RSA","kid":"k","alg":"RS384","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.UnsupportedAlgorithm) },
        { "alg PS256", $$"""{"kty":"RSA","kid":"k","alg":"PS256","e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.UnsupportedAlgorithm) },
        { "numeric alg", $$"""{"kty":"RSA","kid":"k","alg":256,"e":"AQAB","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidMember) },
        { "padded n", $$"""{"kty":"RSA","kid":"bad-1","e":"AQAB","n":"{{N}}=="}""", nameof(JwksEntryProblem.InvalidModulus) },
        { "n with nonzero trailing bits", $$"""{"kty":"RSA","kid":"k","e":"AQAB","n":"{{N[..^1]}}B"}""", nameof(JwksEntryProblem.InvalidModulus) },
        { "n in standard base64", $$"""{"kty":"RSA","kid":"k","e":"AQAB","n":"{{Convert.ToBase64String(Key.Modulus!)}}"}""", nameof(JwksEntryProblem.InvalidModulus) },
        { "numeric n", """{"kty":"RSA","kid":"k","e":"AQAB","n":12345}""", nameof(JwksEntryProblem.InvalidModulus) },
        { "missing n", """{"kty":"RSA","kid":"k","e":"AQAB"}""", nameof(JwksEntryProblem.InvalidModulus) },
        { "even n", $$"""{"kty":"RSA","kid":"k","e":"AQAB","n":"{{EncodeModulus(256, lastByte: 0xFE)}}"}""", nameof(JwksEntryProblem.InvalidModulus) },
        { "2047-bit n", $$"""{"kty":"RSA","kid":"k","e":"AQAB","n":"{{EncodeModulus(256, firstByte: 0x7F)}}"}""", nameof(JwksEntryProblem.ModulusTooShort) },
        { "1024-bit n", $$"""{"kty":"RSA","kid":"k","e":"AQAB","n":"{{EncodeModulus(128)}}"}""", nameof(JwksEntryProblem.ModulusTooShort) },
        { "8193-bit n", $$"""{"kty":"RSA","kid":"k","e":"AQAB","n":"{{EncodeModulus(1025, firstByte: 0x01)}}"}""", nameof(JwksEntryProblem.ModulusTooLong) },
        { "exponent 1", $$"""{"kty":"RSA","kid":"k","e":"AQ","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidExponent) },
        { "even exponent", $$"""{"kty":"RSA","kid":"k","e":"AQAA","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidExponent) },
        { "padded exponent", $$"""{"kty":"RSA","kid":"k","e":"AQAB==","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidExponent) },
        { "missing exponent", $$"""{"kty":"RSA","kid":"k","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidExponent) },
        { "257-bit exponent", $$"""{"kty":"RSA","kid":"k","e":"{{EncodeModulus(33, firstByte: 0x01)}}","n":"{{N}}"}""", nameof(JwksEntryProblem.InvalidExponent) },
    };

    [Theory]
    [MemberData(nameof(UnusableEntries))]
    public void UnusableEntry_IsSkippedWithProblem(string description, string entryJson, string expectedProblem)
    {
        var json = $$"""{"keys":[{{entryJson}}]}""";

        var result = JwksParser.Parse(json);

        result.DocumentError.Should().BeNull(description);
        result.Keys.Should().BeEmpty(description);
        result.SkippedEntries.Should().ContainSingle(description).Which.Problem.ToString().Should().Be(expectedProblem, description);
    }

    [Fact]
    public void SkippedEntry_KeepsKidAndIndex()
    {
        var json = TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "good"),
            JsonNode.Parse("""{"kty":"oct","kid":"sym-1","k":"c2VjcmV0"}""")!);

        var result = JwksParser.Parse(json);

        var skipped = result.SkippedEntries.Should().ContainSingle().Subject;
        skipped.Index.Should().Be(1);
        skipped.KeyId.Should().Be("sym-1");
        skipped.Detail.Should().NotContain("c2VjcmV0", "key material must not reach the logs");
    }

    [Theory]
    [InlineData("sig", null, null)]
    [InlineData(null, null, null)]
    [InlineData("sig", "RS256", null)]
    [InlineData(null, null, "[\"verify\"]")]
    public void RsaSigningEntry_IsAccepted(string? use, string? alg, string? keyOperations)
    {
        var entry = TestJwks.RsaEntry(TestRsaKeys.First, "k1", use);
        if (alg is not null)
        {
            entry["alg"] = alg;
        }

        if (keyOperations is not null)
        {
            entry["key_ops"] = JsonNode.Parse(keyOperations);
        }

        var result = JwksParser.Parse(TestJwks.Document(entry));

        result.SkippedEntries.Should().BeEmpty();
        var key = result.Keys.Should().ContainSingle().Subject;
        key.KeyId.Should().Be("k1");
        key.Parameters.Modulus.Should().Equal(Key.Modulus);
        key.Parameters.Exponent.Should().Equal(Key.Exponent);
    }

    [Fact]
    public void EntryWithoutKid_IsAcceptedWithoutKeyId()
    {
        var result = JwksParser.Parse(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, kid: null)));

        result.Keys.Should().ContainSingle().Which.KeyId.Should().BeNull();
    }

    [Fact]
    public void ModulusWithLeadingZero_IsAcceptedAndTrimmed()
    {
        var json = $$"""{"keys":[{"kty":"RSA","kid":"k1","e":"AQAB","n":"{{TestJwks.Encode([0, .. Key.Modulus!])}}"}]}""";

        var result = JwksParser.Parse(json);

        result.Keys.Should().ContainSingle().Which.Parameters.Modulus.Should().Equal(Key.Modulus);
    }

    [Fact]
    public async Task AcceptedKey_VerifiesRs256Token()
    {
        var token = TestJwks.Sign(TestRsaKeys.First, "k1");
        var result = JwksParser.Parse(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));

        var verified = await TestJwks.VerifiesWithAnyAsync(token, result.Keys.Cast<SecurityKey>().ToList());

        verified.Should().BeTrue();
    }

    private static string EncodeModulus(int length, byte firstByte = 0xC1, byte lastByte = 0x01)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(0x5A);
        bytes[0] = firstByte;
        bytes[^1] = lastByte;
        return TestJwks.Encode(bytes);
    }
}
