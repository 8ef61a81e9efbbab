using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Verification;

public sealed class KeySelectionTests
{
    [Fact]
    public async Task Token_without_kid_verifies_with_matching_key()
    {
        using var second = IdaasSigningKey.Generate("sim-k2");
        using var third = IdaasSigningKey.Generate("sim-k3");
        using var harness = new CallbackHarness(null, second, third);
        var token = CallbackTokenSigner.Sign(harness.Header(kid: null), harness.Payload(), second.Rsa);

        var result = await harness.VerifyAsync(token);

        result.IsValid.Should().BeTrue();
        result.Token!.KeyId.Should().BeNull();
    }

    [Fact]
    public async Task Token_without_kid_from_foreign_key_is_rejected()
    {
        using var foreign = IdaasSigningKey.Generate("sim-k2");
        using var harness = new CallbackHarness();
        var token = CallbackTokenSigner.Sign(harness.Header(kid: null), harness.Payload(), foreign.Rsa);

        var result = await harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidSignature);
    }

    [Fact]
    public async Task Unpublished_kid_is_unknown_key()
    {
        using var second = IdaasSigningKey.Generate("sim-k2");
        using var harness = new CallbackHarness(null, second);
        var token = CallbackTokenSigner.Sign(harness.Header(kid: "sim-k9"), harness.Payload(), second.Rsa);

        var result = await harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.UnknownKey);
    }

    [Fact]
    public async Task Kid_never_falls_back_to_other_keys()
    {
        using var second = IdaasSigningKey.Generate("sim-k2");
        using var harness = new CallbackHarness(null, second);
        var token = CallbackTokenSigner.Sign(harness.Header(kid: "sim-k1"), harness.Payload(), second.Rsa);

        var result = await harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidSignature);
    }

    [Fact]
    public async Task Duplicate_kid_with_unusable_entries_verifies()
    {
        using var good = IdaasSigningKey.Generate("k-dup");
        using var encryptionKey = IdaasSigningKey.Generate("k-dup");
        var goodJwk = IdaasJsonWebKeySet.ToJson(good);
        var encryptionJwk = IdaasJsonWebKeySet.ToJson(encryptionKey).Replace("\"use\":\"sig\"", "\"use\":\"enc\"", StringComparison.Ordinal);
        var ecEntry = """{"kty":"EC","crv":"P-256","use":"sig","kid":"k-dup","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}""";
        var jwks = "{\"keys\":[" + ecEntry + "," + Entries(encryptionJwk) + "," + Entries(goodJwk) + "]}";
        using var harness = new CallbackHarness(options => options.JsonWebKeySet = jwks);
        var token = CallbackTokenSigner.Sign(harness.Header(kid: "k-dup"), harness.Payload(), good.Rsa);
        var forged = CallbackTokenSigner.Sign(harness.Header(kid: "k-dup"), harness.Payload(), encryptionKey.Rsa);

        var result = await harness.VerifyAsync(token);
        var forgedResult = await harness.VerifyAsync(forged);

        result.IsValid.Should().BeTrue();
        forgedResult.RejectionReason.Should().Be(CallbackRejectionReason.InvalidSignature);
    }

    private static string Entries(string jwks) => jwks["{\"keys\":[".Length..^2];
}
