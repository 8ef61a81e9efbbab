using System.Text;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Verification;

/// <summary>
/// Strings that escape a lone surrogate or hold invalid UTF-8 make System.Text.Json throw
/// InvalidOperationException; every such input must still end in a typed rejection.
/// </summary>
public sealed class InvalidStringTests : IDisposable
{
    private readonly CallbackHarness _harness = new();

    [Theory]
    [InlineData("{\"event\":\"\\ud800\"}")]
    [InlineData("{\"event\":\"\\udc00abc\"}")]
    [InlineData("{\"\\ud800\":1,\"event\":\"a.b.c\"}")]
    public async Task Invalid_envelope_string_is_malformed(string body)
    {
        var result = await _harness.Receiver.ReceiveAsync(Encoding.UTF8.GetBytes(body));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedBody);
    }

    [Fact]
    public async Task Invalid_utf8_in_envelope_is_malformed()
    {
        byte[] body = [.. "{\"event\":\""u8, 0xFF, 0xFE, .. "\"}"u8];

        var result = await _harness.Receiver.ReceiveAsync(body);

        // System.Text.Json passes the bytes through, and the token check rejects them as non-base64url.
        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Theory]
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"\\ud800\"}")]
    [InlineData("{\"alg\":\"\\udc00\"}")]
    [InlineData("{\"alg\":\"RS256\",\"\\ud800\":1}")]
    public async Task Invalid_header_string_is_malformed(string header)
    {
        var token = _harness.SignRaw(header, _harness.Payload());

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Fact]
    public async Task Invalid_utf8_kid_is_malformed()
    {
        byte[] header = [.. "{\"alg\":\"RS256\",\"kid\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        var signingInput = System.Buffers.Text.Base64Url.EncodeToString(header) + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(_harness.Payload()));
        var token = signingInput + ".c2lnbmF0dXJl";

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Fact]
    public async Task Invalid_signed_claim_name_is_malformed()
    {
        var token = _harness.SignRaw(_harness.Header(), _harness.Payload(extra: ",\"\\ud800\":1"));

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Fact]
    public async Task Unread_claim_with_invalid_string_is_ignored()
    {
        var token = _harness.SignRaw(_harness.Header(), _harness.Payload(extra: ",\"note\":\"\\ud800\""));

        var result = await _harness.VerifyAsync(token);

        // The verifier skips claims it does not use without unescaping them, so their text cannot fail it.
        result.IsValid.Should().BeTrue(result.Message);
    }

    [Fact]
    public async Task Invalid_token_id_is_malformed()
    {
        var payload = _harness.Payload().Replace("\"jti\":\"jti-0001\"", "\"jti\":\"\\ud800\"", StringComparison.Ordinal);

        var result = await _harness.VerifyAsync(_harness.SignRaw(_harness.Header(), payload));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Theory]
    [InlineData(253_402_300_799)]
    [InlineData(253_402_300_770)]
    public async Task Expiry_at_end_of_range_does_not_overflow(long exp)
    {
        var token = _harness.SignRaw(_harness.Header(), _harness.Payload(exp: exp.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = await _harness.VerifyAsync(token);

        result.IsValid.Should().BeTrue(result.Message);
    }

    [Fact]
    public async Task Every_changed_character_of_real_token_is_rejected()
    {
        var vector = RealVector.Instance;
        using var harness = new CallbackHarness(vector.IssuedAt.AddMinutes(1), options =>
        {
            options.ApplicationId = vector.ApplicationId;
            options.InstanceId = null;
            options.JsonWebKeySet = vector.JsonWebKeySet;
            options.EncryptionKey = vector.EncryptionKey;
        });
        var token = vector.Token;
        var accepted = new List<int>();

        for (var position = 0; position < token.Length; position++)
        {
            foreach (var replacement in new[] { 'A', 'z' })
            {
                if (token[position] == replacement)
                {
                    continue;
                }

                var altered = token[..position] + replacement + token[(position + 1)..];
                var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(altered));
                if (result.IsAccepted)
                {
                    accepted.Add(position);
                }
            }
        }

        accepted.Should().BeEmpty();
    }

    [Fact]
    public async Task Invalid_business_data_member_name_is_malformed()
    {
        var data = "{\"instanceId\":\"idaas_simtenant01\",\"even\\ud800tData\":\"[]\"}";
        var token = _harness.Signer.CreateToken(_harness.Descriptor(data));

        var result = await _harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedBusinessData);
    }

    [Fact]
    public async Task Invalid_event_member_name_fails_that_event()
    {
        var builder = new SyncEventBuilder(CallbackHarness.InstanceId)
            .AddRawEvent("{\"ev\\ud800\":1,\"eventId\":\"evnt_bad\",\"eventTime\":\"1764576000000\",\"bizId\":\"user_0002\",\"bizData\":\"{}\",\"eventType\":\"urn:alibaba:idaas:app:event:ud:user:create\"}")
            .AddEvent("evnt_good", Callbacks.Events.IdaasEventTypes.UserCreated, _harness.Time.GetUtcNow(), "user_0001", "{\"userId\":\"user_0001\"}");
        var token = _harness.Signer.CreateToken(_harness.Descriptor(builder.ToJson()));

        var result = await _harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.Events.Should().ContainSingle().Which.EventId.Should().Be("evnt_good");
        result.FailedEvents.Should().ContainSingle().Which.EventId.Should().Be("evnt_bad");
    }

    [Theory]
    [InlineData("{\"\\ud800\":\"x\"}")]
    [InlineData("{\"alg\":\"\\ud800\",\"enc\":\"A256GCM\"}")]
    [InlineData("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"\\ud800\":1}")]
    public async Task Invalid_encryption_header_string_fails_decryption(string header)
    {
        var key = BusinessDataEncryptor.GenerateHexKey();
        using var harness = new CallbackHarness(options => options.EncryptionKey = key);
        var cipherData = new BusinessDataEncryptor(key).Encrypt(CallbackHarness.UserCreatedData());
        var altered = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + cipherData[cipherData.IndexOf('.', StringComparison.Ordinal)..];
        var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = altered });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.RejectionReason.Should().Be(CallbackRejectionReason.DecryptionFailed);
    }

    public void Dispose() => _harness.Dispose();
}
