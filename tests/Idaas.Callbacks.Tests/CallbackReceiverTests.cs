using System.Text;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests;

public sealed class CallbackReceiverTests : IDisposable
{
    private readonly CallbackHarness _harness = new();

    [Fact]
    public async Task Plain_callback_is_accepted()
    {
        var result = await Receive(CallbackTokenSigner.CreateRequestBody(_harness.CreateToken()));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.StatusCode.Should().Be(200);
        result.Events.Should().ContainSingle().Which.EventId.Should().Be("evnt_0001");
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"event\"")]
    [InlineData("{}")]
    [InlineData("{\"event\":42}")]
    [InlineData("{\"event\":[\"a\"]}")]
    [InlineData("{\"event\":null}")]
    [InlineData("{\"Event\":\"x\"}")]
    [InlineData("{\"event\":\"x\"} trailing")]
    [InlineData("{\"event\":\"x\"")]
    public async Task Malformed_envelope_is_bad_request(string body)
    {
        var result = await Receive(Encoding.UTF8.GetBytes(body));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedBody);
        result.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task Repeated_event_member_is_rejected()
    {
        var body = $"{{\"event\":\"x\",\"event\":\"{_harness.CreateToken()}\"}}";

        var result = await Receive(Encoding.UTF8.GetBytes(body));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedBody);
    }

    [Fact]
    public async Task Byte_order_mark_and_whitespace_are_accepted()
    {
        var body = "\uFEFF \r\n" + Encoding.UTF8.GetString(CallbackTokenSigner.CreateRequestBody(_harness.CreateToken())) + " \n\t";

        var result = await Receive(Encoding.UTF8.GetBytes(body));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Unknown_envelope_members_are_ignored()
    {
        var body = $"{{\"version\":2,\"extra\":{{\"a\":[1]}},\"event\":\"{_harness.CreateToken()}\"}}";

        var result = await Receive(Encoding.UTF8.GetBytes(body));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Escaped_token_text_is_unescaped()
    {
        var token = _harness.CreateToken();
        var body = "{\"event\":\"" + token.Replace(".", "\\u002e", StringComparison.Ordinal) + "\"}";

        var result = await Receive(Encoding.UTF8.GetBytes(body));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Oversized_body_is_too_large()
    {
        var body = new byte[IdaasCallbackOptions.DefaultMaxBodyBytes + 1];

        var result = await Receive(body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.BodyTooLarge);
        result.StatusCode.Should().Be(413);
        result.RejectionMessage.Should().Contain("larger than");
    }

    [Fact]
    public async Task Oversized_token_is_too_large()
    {
        using var harness = new CallbackHarness(options => options.MaxTokenBytes = 4096);
        var body = CallbackTokenSigner.CreateRequestBody(new string('A', 5000));

        var result = await harness.Receiver.ReceiveAsync(body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.TokenTooLarge);
        result.StatusCode.Should().Be(413);
    }

    [Fact]
    public async Task Large_legitimate_batch_is_accepted()
    {
        var filler = new string('x', 300 * 1024);
        var data = CallbackHarness.UserCreatedData().Replace("\"aliUid\"", $"\"padding\":\"{filler}\",\"aliUid\"", StringComparison.Ordinal);
        var token = _harness.Signer.CreateToken(_harness.Descriptor(data));

        var result = await Receive(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Plain_data_as_json_string_is_accepted()
    {
        var payload = _harness.Payload();
        var data = CallbackHarness.UserCreatedData();
        payload = payload.Replace("\"plainData\":" + data, "\"plainData\":" + System.Text.Json.JsonSerializer.Serialize(data), StringComparison.Ordinal);

        var result = await Receive(CallbackTokenSigner.CreateRequestBody(_harness.SignRaw(_harness.Header(), payload)));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.Events.Should().ContainSingle();
    }

    [Fact]
    public async Task Payload_instance_differing_from_subject_is_rejected()
    {
        var data = CallbackHarness.UserCreatedData().Replace(CallbackHarness.InstanceId, "idaas_other", StringComparison.Ordinal);
        var token = _harness.Signer.CreateToken(_harness.Descriptor(data));

        var result = await Receive(CallbackTokenSigner.CreateRequestBody(token));

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidSubject);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"instanceId\":\"idaas_simtenant01\",\"eventData\":[]}")]
    [InlineData("{\"instanceId\":\"idaas_simtenant01\",\"eventData\":\"{}\"}")]
    public async Task Undecodable_business_data_is_retryable(string data)
    {
        var payload = _harness.Payload().Replace("\"plainData\":" + CallbackHarness.UserCreatedData(), "\"plainData\":" + System.Text.Json.JsonSerializer.Serialize(data), StringComparison.Ordinal);

        var result = await Receive(CallbackTokenSigner.CreateRequestBody(_harness.SignRaw(_harness.Header(), payload)));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedBusinessData);
        result.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Rejection_message_never_echoes_token()
    {
        var token = _harness.CreateToken();
        using var harness = new CallbackHarness(options => options.ApplicationId = "app_other");

        var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeFalse();
        foreach (var segment in token.Split('.'))
        {
            result.RejectionMessage.Should().NotContain(segment[..20]);
        }
    }

    public void Dispose() => _harness.Dispose();

    private async Task<CallbackReceiveResult> Receive(byte[] body) => await _harness.Receiver.ReceiveAsync(body);
}
