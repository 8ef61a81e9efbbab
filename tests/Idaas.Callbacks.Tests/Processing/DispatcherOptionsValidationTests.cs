using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class DispatcherOptionsValidationTests
{
    private static readonly string Jwks = CreateJwks();

    [Fact]
    public void Defaults_are_valid()
    {
        var options = new DispatcherOptions();

        var result = Validate(_ => { });

        result.Succeeded.Should().BeTrue(result.FailureMessage);
        options.MaxParallelism.Should().Be(8);
        options.MaxAttempts.Should().Be(5);
        options.RetryBaseDelay.Should().Be(TimeSpan.FromSeconds(1));
        options.RetryMaxDelay.Should().Be(TimeSpan.FromMinutes(5));
        options.StaleEventPolicy.Should().Be(StaleEventPolicy.Deliver);
        options.DeadLetterCapacity.Should().Be(1_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void MaxParallelism_out_of_range_fails(int value)
    {
        var result = Validate(options => options.MaxParallelism = value);

        result.FailureMessage.Should().Contain($"IdaasCallbackOptions.Dispatcher.MaxParallelism is {value} handler calls; set it between 1 and 256");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void MaxAttempts_out_of_range_fails(int value)
    {
        var result = Validate(options => options.MaxAttempts = value);

        result.FailureMessage.Should().Contain($"IdaasCallbackOptions.Dispatcher.MaxAttempts is {value} attempts; set it between 1 and 100");
    }

    [Fact]
    public void DeadLetterCapacity_zero_fails()
    {
        var result = Validate(options => options.DeadLetterCapacity = 0);

        result.FailureMessage.Should().Contain("IdaasCallbackOptions.Dispatcher.DeadLetterCapacity is 0 dead letters");
    }

    [Fact]
    public void Negative_RetryBaseDelay_fails()
    {
        var result = Validate(options => options.RetryBaseDelay = TimeSpan.FromSeconds(-1));

        result.FailureMessage.Should().Contain("IdaasCallbackOptions.Dispatcher.RetryBaseDelay is -00:00:01; set it between 00:00:00 and 01:00:00");
    }

    [Fact]
    public void RetryMaxDelay_below_base_fails()
    {
        var result = Validate(options =>
        {
            options.RetryBaseDelay = TimeSpan.FromSeconds(10);
            options.RetryMaxDelay = TimeSpan.FromSeconds(5);
        });

        result.FailureMessage.Should().Contain("IdaasCallbackOptions.Dispatcher.RetryMaxDelay is 00:00:05; set it between RetryBaseDelay (00:00:10)");
    }

    [Fact]
    public void Undefined_StaleEventPolicy_fails()
    {
        var result = Validate(options => options.StaleEventPolicy = (StaleEventPolicy)7);

        result.FailureMessage.Should().Contain("IdaasCallbackOptions.Dispatcher.StaleEventPolicy is 7; set it to Deliver (default) or Skip");
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Action<DispatcherOptions> configure)
    {
        var options = new IdaasCallbackOptions { ApplicationId = "app_simapp01", JsonWebKeySet = Jwks };
        configure(options.Dispatcher);
        return new IdaasCallbackOptionsValidator().Validate(null, options);
    }

    private static string CreateJwks()
    {
        using var key = IdaasSigningKey.Generate("sim-k1");
        return IdaasJsonWebKeySet.ToJson(key);
    }
}
