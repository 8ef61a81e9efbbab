using System.Globalization;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Verification;

public sealed class LifetimeTests : IDisposable
{
    private readonly CallbackHarness _harness = new();

    private long Now => _harness.Time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task Fractional_dates_are_accepted()
    {
        var payload = _harness.Payload(iat: $"{Now}.25", exp: $"{Now + 1800}.5");

        var result = await Verify(payload);

        result.IsValid.Should().BeTrue();
        result.Token!.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(Now + 1800).AddMilliseconds(500));
    }

    [Fact]
    public async Task Exponent_notation_is_accepted()
    {
        _harness.Time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1_899_990_000));

        var result = await Verify(_harness.Payload(exp: "1.9e9"));

        result.IsValid.Should().BeTrue();
        result.Token!.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000));
    }

    [Theory]
    [InlineData("\"2031-01-01T00:00:00Z\"")]
    [InlineData("\"{0}\"")]
    [InlineData("1e300")]
    [InlineData("-1")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task Exp_of_wrong_type_or_range_is_invalid(string exp)
    {
        var value = string.Format(CultureInfo.InvariantCulture, exp, Now + 1800);

        var result = await Verify(_harness.Payload(exp: value));

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidClaim);
        result.Message.Should().Contain("exp");
    }

    [Fact]
    public async Task Iat_as_string_is_invalid()
    {
        var result = await Verify(_harness.Payload(iat: $"\"{Now}\""));

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidClaim);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    [InlineData(900, false)]
    public async Task Future_iat_is_checked_against_skew(int secondsAhead, bool accepted)
    {
        var result = await Verify(_harness.Payload(iat: (Now + secondsAhead).ToString(CultureInfo.InvariantCulture)));

        result.IsValid.Should().Be(accepted);
        if (!accepted)
        {
            result.RejectionReason.Should().Be(CallbackRejectionReason.NotYetValid);
        }
    }

    [Theory]
    [InlineData(45, true)]
    [InlineData(120, false)]
    public async Task Past_exp_is_checked_against_skew(int secondsAgo, bool accepted)
    {
        var iat = (Now - 1800).ToString(CultureInfo.InvariantCulture);
        var exp = (Now - secondsAgo).ToString(CultureInfo.InvariantCulture);

        var result = await Verify(_harness.Payload(iat: iat, exp: exp));

        result.IsValid.Should().Be(accepted);
        if (!accepted)
        {
            result.RejectionReason.Should().Be(CallbackRejectionReason.Expired);
        }
    }

    [Fact]
    public async Task Zero_skew_rejects_one_second_late()
    {
        using var harness = new CallbackHarness(options => options.ClockSkew = TimeSpan.Zero);
        var token = harness.CreateToken();
        harness.Time.Advance(TimeSpan.FromSeconds(1801));

        var result = await harness.VerifyAsync(token);

        result.RejectionReason.Should().Be(CallbackRejectionReason.Expired);
    }

    [Fact]
    public async Task Missing_exp_is_rejected()
    {
        var result = await Verify(_harness.Payload(exp: string.Empty));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MissingClaim);
        result.Message.Should().Contain("'exp'");
    }

    [Fact]
    public async Task Missing_iat_is_rejected()
    {
        var result = await Verify(_harness.Payload(iat: string.Empty));

        result.RejectionReason.Should().Be(CallbackRejectionReason.MissingClaim);
        result.Message.Should().Contain("'iat'");
    }

    [Fact]
    public async Task Exp_before_iat_is_invalid()
    {
        var result = await Verify(_harness.Payload(iat: Now.ToString(CultureInfo.InvariantCulture), exp: (Now - 10).ToString(CultureInfo.InvariantCulture)));

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidClaim);
    }

    public void Dispose() => _harness.Dispose();

    private Task<Callbacks.Verification.TokenVerificationResult> Verify(string payload)
        => _harness.VerifyAsync(_harness.SignRaw(_harness.Header(), payload));
}
