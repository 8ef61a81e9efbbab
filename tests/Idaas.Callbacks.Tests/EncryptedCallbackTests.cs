using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests;

public sealed class EncryptedCallbackTests
{
    private static readonly string Key = BusinessDataEncryptor.GenerateHexKey();

    [Fact]
    public async Task Encrypted_callback_is_accepted()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);
        var cipherData = new BusinessDataEncryptor(Key).Encrypt(CallbackHarness.UserCreatedData());
        var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = cipherData });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        var created = result.Events.Should().ContainSingle().Which.Should().BeOfType<UserCreatedEvent>().Subject;
        created.User.Username.Should().Be("rowan.vale");
    }

    [Fact]
    public async Task Upper_case_hex_key_decrypts()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key.ToUpperInvariant());
        var cipherData = new BusinessDataEncryptor(Key).Encrypt(CallbackHarness.UserCreatedData());
        var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = cipherData });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Unencrypted_callback_is_rejected_when_key_configured()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(harness.CreateToken()));

        result.RejectionReason.Should().Be(CallbackRejectionReason.EncryptionRequired);
        result.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Unencrypted_callback_is_accepted_when_allowed()
    {
        using var harness = new CallbackHarness(options =>
        {
            options.EncryptionKey = Key;
            options.AllowUnencryptedCallbacks = true;
        });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(harness.CreateToken()));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Plain_data_string_is_rejected_when_key_configured()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);
        var payload = harness.Payload().Replace("\"plainData\":" + CallbackHarness.UserCreatedData(), "\"plainData\":" + System.Text.Json.JsonSerializer.Serialize(CallbackHarness.UserCreatedData()), StringComparison.Ordinal);

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(harness.SignRaw(harness.Header(), payload)));

        result.RejectionReason.Should().Be(CallbackRejectionReason.EncryptionRequired);
    }

    [Fact]
    public async Task Allowed_unencrypted_callback_logs_warning()
    {
        using var harness = new CallbackHarness(options =>
        {
            options.EncryptionKey = Key;
            options.AllowUnencryptedCallbacks = true;
        });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(harness.CreateToken()));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        harness.Logs.Should().Contain(record => record.Id.Name == "UnencryptedCallbackAccepted" && record.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(300)]
    public async Task Large_encrypted_data_is_accepted(int kibibytes)
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);
        var filler = new string('x', kibibytes * 1024);
        var data = CallbackHarness.UserCreatedData().Replace("\"aliUid\"", $"\"padding\":\"{filler}\",\"aliUid\"", StringComparison.Ordinal);
        var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = new BusinessDataEncryptor(Key).Encrypt(data) });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Encrypted_data_over_token_limit_is_too_large()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);
        var filler = new string('x', 800 * 1024);
        var data = CallbackHarness.UserCreatedData().Replace("\"aliUid\"", $"\"padding\":\"{filler}\",\"aliUid\"", StringComparison.Ordinal);
        var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = new BusinessDataEncryptor(Key).Encrypt(data) });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.StatusCode.Should().Be(413);
    }

    [Fact]
    public async Task Logs_never_contain_token_key_or_password()
    {
        const string Password = "Zq7-example-password";
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);
        var data = new SyncEventBuilder(CallbackHarness.InstanceId)
            .AddEvent("evnt_pw", IdaasEventTypes.UserPasswordUpdated, harness.Time.GetUtcNow(), "user_0001", $$"""{"userId":"user_0001","password":"{{Password}}"}""")
            .ToJson();
        var encrypted = new BusinessDataEncryptor(Key).Encrypt(data);
        var good = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = encrypted });
        var wrongKey = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = new BusinessDataEncryptor(BusinessDataEncryptor.GenerateHexKey()).Encrypt(data) });
        var unencrypted = harness.Signer.CreateToken(harness.Descriptor(data));

        var accepted = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(good));
        await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(wrongKey));
        await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(unencrypted));
        await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(good[..^4] + "AAAA"));

        accepted.Events.Should().ContainSingle().Which.ToString().Should().NotContain(Password);
        harness.Logs.Should().NotBeEmpty();
        foreach (var record in harness.Logs)
        {
            var text = record.Message + " " + record.Exception;
            text.Should().NotContain(Password);
            text.Should().NotContain(Key);
            text.Should().NotContain(encrypted[..40]);
            text.Should().NotContain(good.Split('.')[1][..40]);
        }
    }

    [Fact]
    public async Task Empty_cipher_data_is_retryable_failure()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);
        var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = string.Empty });

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.RejectionReason.Should().Be(CallbackRejectionReason.DecryptionFailed);
        result.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Changed_cipher_data_character_is_rejected()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = RealVector.Instance.EncryptionKey);
        var cipherData = RealVector.Instance.CipherData;
        var segmentStarts = Enumerable.Range(0, cipherData.Length).Where(index => index == 0 || cipherData[index - 1] == '.').ToList();
        var positions = segmentStarts.Where(index => index < cipherData.Length && cipherData[index] != '.').ToList();
        positions.Add(cipherData.Length - 1);

        foreach (var position in positions)
        {
            var replacement = cipherData[position] == 'a' ? 'b' : 'a';
            var altered = cipherData[..position] + replacement + cipherData[(position + 1)..];
            var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = altered });

            var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

            result.RejectionReason.Should().Be(CallbackRejectionReason.DecryptionFailed, $"the character at {position} was changed");
        }
    }

    [Fact]
    public async Task Wrong_key_and_bad_tag_read_the_same()
    {
        using var harness = new CallbackHarness(options => options.EncryptionKey = Key);
        var wrongKeyData = new BusinessDataEncryptor(BusinessDataEncryptor.GenerateHexKey()).Encrypt(CallbackHarness.UserCreatedData());
        var goodData = new BusinessDataEncryptor(Key).Encrypt(CallbackHarness.UserCreatedData());
        var badTag = goodData[..^1] + (goodData[^1] == 'A' ? 'Q' : 'A');

        var wrongKey = await Receive(harness, wrongKeyData);
        var tampered = await Receive(harness, badTag);

        wrongKey.RejectionReason.Should().Be(tampered.RejectionReason);
        wrongKey.RejectionMessage.Should().Be(tampered.RejectionMessage);
    }

    [Fact]
    public async Task Events_in_batch_keep_order_and_time()
    {
        using var harness = new CallbackHarness();
        var start = harness.Time.GetUtcNow();
        var builder = new SyncEventBuilder(CallbackHarness.InstanceId)
            .AddEvent("evnt_t2", IdaasEventTypes.UserInfoUpdated, start.AddSeconds(2), "user_0001", """{"userId":"user_0001","displayName":"R. Vale"}""")
            .AddEvent("evnt_t1", IdaasEventTypes.UserInfoUpdated, start.AddSeconds(1), "user_0001", """{"userId":"user_0001","displayName":"Rowan V."}""");
        var token = harness.Signer.CreateToken(harness.Descriptor(builder.ToJson()));

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.Events.Select(e => e.EventId).Should().Equal("evnt_t2", "evnt_t1");
        result.Events.Select(e => e.BatchIndex).Should().Equal(0, 1);
        result.Events[0].EventTime.Should().BeAfter(result.Events[1].EventTime);
    }

    [Fact]
    public async Task Malformed_event_fails_alone()
    {
        using var harness = new CallbackHarness();
        var builder = new SyncEventBuilder(CallbackHarness.InstanceId)
            .AddRawEvent("""{"eventId":"evnt_bad","eventTime":"","bizId":"user_0002","bizData":"{}","eventType":"urn:alibaba:idaas:app:event:ud:user:create"}""")
            .AddEvent("evnt_good", IdaasEventTypes.UserCreated, harness.Time.GetUtcNow(), "user_0001", """{"userId":"user_0001"}""");
        var token = harness.Signer.CreateToken(harness.Descriptor(builder.ToJson()));

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.Events.Should().ContainSingle().Which.EventId.Should().Be("evnt_good");
        result.FailedEvents.Should().ContainSingle().Which.EventId.Should().Be("evnt_bad");
    }

    private static async Task<CallbackReceiveResult> Receive(CallbackHarness harness, string cipherData)
    {
        var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = cipherData });
        return await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));
    }
}
