using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Verification;

public sealed class CompactFormTests : IDisposable
{
    private readonly CallbackHarness _harness = new();

    [Fact]
    public async Task Valid_token_verifies()
    {
        var result = await _harness.VerifyAsync(_harness.CreateToken());

        result.IsValid.Should().BeTrue();
        result.Token!.TokenId.Should().Be("jti-0001");
        result.Token.Audience.Should().Be(CallbackHarness.ApplicationId);
        result.Token.Subject.Should().Be(CallbackHarness.InstanceId);
        result.Token.KeyId.Should().Be("sim-k1");
    }

    [Theory]
    [InlineData("{0}=")]
    [InlineData("{0}==")]
    [InlineData(" {0}")]
    [InlineData("{0}\n")]
    [InlineData("{0}.")]
    [InlineData("{0}.x")]
    public async Task Altered_compact_form_is_malformed(string pattern)
    {
        var token = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, _harness.CreateToken());

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Empty_segment_is_malformed(int segment)
    {
        var parts = _harness.CreateToken().Split('.');
        parts[segment] = string.Empty;

        var result = await _harness.VerifyAsync(string.Join('.', parts));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Fact]
    public async Task Signature_low_bits_altered_is_malformed()
    {
        var token = _harness.CreateToken();
        // A 256-byte signature is 342 characters, so the last one carries 4 spare bits that must be zero:
        // its value is 0, 16, 32 or 48, and the next character sets a spare bit.
        var swapped = token[^1] switch
        {
            'A' => 'B',
            'Q' => 'R',
            'g' => 'h',
            _ => 'x',
        };

        var result = await _harness.VerifyAsync(token[..^1] + swapped);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Theory]
    [InlineData('-', '+')]
    [InlineData('_', '/')]
    public async Task Standard_base64_alphabet_is_malformed(char from, char to)
    {
        var token = _harness.CreateToken();
        var index = token.IndexOf(from, StringComparison.Ordinal);
        if (index < 0)
        {
            // The generated token happens to contain no such character; swap the first signature character instead.
            index = token.LastIndexOf('.') + 1;
        }

        var altered = token[..index] + to + token[(index + 1)..];

        var result = await _harness.VerifyAsync(altered);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Fact]
    public async Task Any_changed_character_is_rejected()
    {
        var token = _harness.CreateToken();
        var rejected = 0;
        var tried = 0;

        for (var index = 0; index < token.Length; index += 7)
        {
            if (token[index] == '.')
            {
                continue;
            }

            var replacement = token[index] == 'A' ? 'B' : 'A';
            var result = await _harness.VerifyAsync(token[..index] + replacement + token[(index + 1)..]);
            tried++;
            if (!result.IsValid)
            {
                rejected++;
            }
        }

        rejected.Should().Be(tried);
    }

    [Fact]
    public async Task Token_over_size_limit_is_too_large()
    {
        using var harness = new CallbackHarness(options => options.MaxTokenBytes = 2048);

        var result = await harness.VerifyAsync(harness.CreateToken() + new string('A', 2048));

        result.RejectionReason.Should().Be(CallbackRejectionReason.TokenTooLarge);
    }

    [Fact]
    public async Task Repeated_claim_is_malformed()
    {
        var payload = _harness.Payload(extra: ",\"aud\":\"app_other\"");
        var token = _harness.SignRaw(_harness.Header(), payload);

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    [Fact]
    public async Task Payload_that_is_not_an_object_is_malformed()
    {
        var token = _harness.SignRaw(_harness.Header(), "[1,2,3]");

        var result = await _harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.MalformedToken);
    }

    public void Dispose() => _harness.Dispose();
}
