using System.IdentityModel.Tokens.Jwt;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Verification;

public sealed class ClaimCheckTests : IDisposable
{
    private readonly CallbackHarness _harness = new();

    [Fact]
    public async Task Wrong_issuer_is_rejected()
    {
        var token = _harness.Signer.CreateToken(_harness.Descriptor() with { Issuer = "urn:alibaba:idaas:app:other" });

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidIssuer);
    }

    [Fact]
    public async Task Wrong_audience_is_rejected()
    {
        var token = _harness.Signer.CreateToken(_harness.Descriptor() with { ApplicationId = "app_other" });

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidAudience);
    }

    [Fact]
    public async Task Audience_array_with_one_value_is_accepted()
    {
        var payload = _harness.Payload().Replace($"\"aud\":\"{CallbackHarness.ApplicationId}\"", $"\"aud\":[\"{CallbackHarness.ApplicationId}\"]", StringComparison.Ordinal);

        var result = await _harness.VerifyAsync(_harness.SignRaw(_harness.Header(), payload));

        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task Audience_array_with_other_app_is_rejected()
    {
        var payload = _harness.Payload().Replace($"\"aud\":\"{CallbackHarness.ApplicationId}\"", $"\"aud\":[\"{CallbackHarness.ApplicationId}\",\"app_other\"]", StringComparison.Ordinal);

        var result = await _harness.VerifyAsync(_harness.SignRaw(_harness.Header(), payload));

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidClaim);
    }

    [Fact]
    public async Task Wrong_subject_is_rejected()
    {
        var token = _harness.Signer.CreateToken(_harness.Descriptor() with { InstanceId = "idaas_other" });

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidSubject);
    }

    [Fact]
    public async Task Subject_is_not_checked_without_instance_id()
    {
        using var harness = new CallbackHarness(options => options.InstanceId = null);
        var token = harness.Signer.CreateToken(harness.Descriptor() with { InstanceId = "idaas_other" });

        var result = await harness.VerifyAsync(token);

        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task Data_encrypted_as_string_is_invalid()
    {
        var payload = _harness.Payload().Replace("\"dataEncrypted\":false", "\"dataEncrypted\":\"true\"", StringComparison.Ordinal);

        var result = await _harness.VerifyAsync(_harness.SignRaw(_harness.Header(), payload));

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidClaim);
        result.Message.Should().Contain("dataEncrypted");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Claim_names_survive_global_mapping_settings(bool mapInbound, bool clearMap)
    {
        var savedMap = new Dictionary<string, string>(JwtSecurityTokenHandler.DefaultInboundClaimTypeMap);
        var savedFlag = JwtSecurityTokenHandler.DefaultMapInboundClaims;
        try
        {
            JwtSecurityTokenHandler.DefaultMapInboundClaims = mapInbound;
            if (clearMap)
            {
                JwtSecurityTokenHandler.DefaultInboundClaimTypeMap.Clear();
            }

            var payload = _harness.Payload(extra: ",\"role\":\"admin\",\"email\":\"rowan.vale@example.test\",\"unique_name\":\"rowan\"");
            var result = await _harness.VerifyAsync(_harness.SignRaw(_harness.Header(), payload));

            result.IsValid.Should().BeTrue();
            result.Token!.Subject.Should().Be(CallbackHarness.InstanceId);
            result.Token.Audience.Should().Be(CallbackHarness.ApplicationId);
            result.Token.Issuer.Should().Be("urn:alibaba:idaas:app:event");
            result.Token.TokenId.Should().Be("jti-0001");
            JwtSecurityTokenHandler.DefaultMapInboundClaims.Should().Be(mapInbound, "the SDK never changes the global setting");
            JwtSecurityTokenHandler.DefaultInboundClaimTypeMap.Count.Should().Be(clearMap ? 0 : savedMap.Count);
        }
        finally
        {
            JwtSecurityTokenHandler.DefaultMapInboundClaims = savedFlag;
            JwtSecurityTokenHandler.DefaultInboundClaimTypeMap.Clear();
            foreach (var pair in savedMap)
            {
                JwtSecurityTokenHandler.DefaultInboundClaimTypeMap[pair.Key] = pair.Value;
            }
        }
    }

    [Fact]
    public async Task Token_description_never_contains_the_token()
    {
        var token = _harness.CreateToken();

        var result = await _harness.VerifyAsync(token);

        result.Token!.ToString().Should().NotContain(token.Split('.')[1]);
    }

    public void Dispose() => _harness.Dispose();
}
