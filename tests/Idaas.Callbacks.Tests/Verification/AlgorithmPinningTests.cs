using System.Security.Cryptography;
using System.Text;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;
using Idaas.Callbacks.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Tests.Verification;

public sealed class AlgorithmPinningTests : IDisposable
{
    private readonly CallbackHarness _harness = new();

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("nOnE")]
    public async Task Unsigned_token_is_rejected(string alg)
    {
        var token = Encode(_harness.Header(alg)) + "." + Encode(_harness.Payload()) + ".";

        var result = await _harness.VerifyAsync(token);

        result.IsValid.Should().BeFalse();
        result.RejectionReason.Should().BeOneOf(CallbackRejectionReason.UnsupportedAlgorithm, CallbackRejectionReason.MalformedToken);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    public async Task Unsigned_token_with_fake_signature_is_unsupported(string alg)
    {
        var token = Encode(_harness.Header(alg)) + "." + Encode(_harness.Payload()) + ".c2lnbmF0dXJl";

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.UnsupportedAlgorithm);
    }

    [Theory]
    [InlineData("spki")]
    [InlineData("pem")]
    [InlineData("pem-newline")]
    [InlineData("modulus")]
    public async Task Hmac_keyed_with_public_key_is_rejected(string keyForm)
    {
        var publicKey = _harness.Key.Rsa;
        var secret = keyForm switch
        {
            "spki" => publicKey.ExportSubjectPublicKeyInfo(),
            "pem" => Encoding.ASCII.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem()),
            "pem-newline" => Encoding.ASCII.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem() + "\n"),
            _ => publicKey.ExportParameters(false).Modulus!,
        };
        var signingInput = Encode(_harness.Header("HS256")) + "." + Encode(_harness.Payload());
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        var token = signingInput + "." + Base64Url(signature);

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.UnsupportedAlgorithm);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("PS256")]
    [InlineData("rs256")]
    public async Task Other_rsa_algorithms_are_rejected(string alg)
    {
        var name = alg == "RS384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
        var padding = alg == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var signingInput = Encode(_harness.Header(alg)) + "." + Encode(_harness.Payload());
        var signature = _harness.Key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), name, padding);

        var result = await _harness.VerifyAsync(signingInput + "." + Base64Url(signature));

        result.RejectionReason.Should().Be(CallbackRejectionReason.UnsupportedAlgorithm);
    }

    [Fact]
    public async Task Unsigned_token_is_rejected_with_empty_key_set()
    {
        await using var keys = Keys.KeyCacheHarness.WithStub(
            options => options.ApplicationId = CallbackHarness.ApplicationId,
            services => services.AddIdaasCallbacks(_ => { }));
        keys.Stub.RespondWithJson("""{"keys":[]}""");
        var verifier = keys.Services.GetRequiredService<CallbackTokenVerifier>();
        var token = Encode(_harness.Header("none")) + "." + Encode(_harness.Payload()) + ".";

        var result = await verifier.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.UnsupportedAlgorithm);
        keys.Stub.RequestCount.Should().Be(0, "the algorithm is rejected before any key is looked up");
    }

    [Fact]
    public async Task Unsigned_token_is_rejected_with_unreachable_endpoint()
    {
        using var harness = new CallbackHarness(options =>
        {
            options.JsonWebKeySet = null;
            options.PublicKeyEndpoint = new Uri("http://127.0.0.1:9/jwks");
            options.SigningKeys.FetchTimeout = TimeSpan.FromSeconds(1);
        });
        var token = Encode(harness.Header("none")) + "." + Encode(harness.Payload()) + ".";

        var result = await harness.VerifyAsync(token);

        result.IsValid.Should().BeFalse();
        result.RejectionReason.Should().Be(CallbackRejectionReason.UnsupportedAlgorithm);
    }

    [Fact]
    public async Task Critical_header_parameter_is_rejected()
    {
        var header = """{"kid":"sim-k1","typ":"JWT","alg":"RS256","crit":["exp"]}""";
        var token = _harness.SignRaw(header, _harness.Payload());

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.UnsupportedAlgorithm);
    }

    [Fact]
    public async Task Key_embedded_in_header_is_never_used()
    {
        using var attacker = IdaasSigningKey.Generate("sim-k1");
        var parameters = attacker.Rsa.ExportParameters(false);
        var header = "{\"kid\":\"sim-k1\",\"alg\":\"RS256\",\"jku\":\"https://attacker.invalid/jwks\",\"jwk\":{\"kty\":\"RSA\",\"kid\":\"sim-k1\",\"e\":\""
            + Base64Url(parameters.Exponent!) + "\",\"n\":\"" + Base64Url(parameters.Modulus!) + "\"}}";
        var token = CallbackTokenSigner.Sign(header, _harness.Payload(), attacker.Rsa);

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidSignature);
    }

    public void Dispose() => _harness.Dispose();

    private static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
