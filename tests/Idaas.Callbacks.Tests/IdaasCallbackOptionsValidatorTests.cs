using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Tests;

public sealed class IdaasCallbackOptionsValidatorTests
{
    private static readonly string Jwks = CreateJwks();

    [Fact]
    public void Valid_options_pass()
    {
        var result = Validate(options => { });

        result.Succeeded.Should().BeTrue(result.FailureMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_application_id_fails(string applicationId)
    {
        var result = Validate(options => options.ApplicationId = applicationId);

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("ApplicationId is required");
    }

    [Fact]
    public void Missing_key_source_fails()
    {
        var result = Validate(options => options.JsonWebKeySet = null);

        result.FailureMessage.Should().Contain("PublicKeyEndpoint is required");
    }

    [Fact]
    public void Both_key_sources_fail()
    {
        var result = Validate(options => options.PublicKeyEndpoint = new Uri("https://idaas.example.test/jwks"));

        result.FailureMessage.Should().Contain("both set");
    }

    [Theory]
    [InlineData("http://idaas.example.test/jwks", false)]
    [InlineData("https://idaas.example.test/jwks", true)]
    [InlineData("http://127.0.0.1:5000/jwks", true)]
    [InlineData("http://127.8.9.10/jwks", true)]
    [InlineData("http://localhost:5000/jwks", true)]
    [InlineData("http://[::1]:5000/jwks", true)]
    [InlineData("ftp://idaas.example.test/jwks", false)]
    public void Key_endpoint_requires_https_off_loopback(string url, bool valid)
    {
        var result = Validate(options =>
        {
            options.JsonWebKeySet = null;
            options.PublicKeyEndpoint = new Uri(url);
        });

        result.Succeeded.Should().Be(valid, result.FailureMessage);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"keys\":\"oops\"}")]
    public void Inline_key_set_must_be_jwks(string json)
    {
        var result = Validate(options => options.JsonWebKeySet = json);

        result.FailureMessage.Should().Contain("JsonWebKeySet is not a JWKS");
    }

    [Theory]
    [InlineData("C875AA2355889A904827C6924F2FAA639CAC3EBADFF4E619B6A33CFE223E24B6", true)]
    [InlineData("c875aa2355889a904827c6924f2faa639cac3ebadff4e619b6a33cfe223e24b6", true)]
    [InlineData("c875aa2355889a904827c6924f2faa639cac3ebadff4e619b6a33cfe223e24b", false)]
    [InlineData("yHWqI1WImpBIJ8aSTy+qY5ysPrrf9OYZtqM8/iI+JLY=", false)]
    [InlineData("", false)]
    public void Encryption_key_must_be_64_hex_characters(string key, bool valid)
    {
        var result = Validate(options => options.EncryptionKey = key);

        result.Succeeded.Should().Be(valid, result.FailureMessage);
        if (!valid)
        {
            result.FailureMessage.Should().Contain("EncryptionKey must be 64 hexadecimal characters").And.NotContain(key.Length > 0 ? key : "\u0000");
        }
    }

    [Fact]
    public void Out_of_range_sizes_and_times_fail()
    {
        var result = Validate(options =>
        {
            options.ClockSkew = TimeSpan.FromMinutes(10);
            options.MaxBodyBytes = 10;
            options.MaxTokenBytes = int.MaxValue;
            options.SigningKeys.FetchTimeout = TimeSpan.FromMinutes(1);
            options.SigningKeys.RefreshCooldown = TimeSpan.FromSeconds(-1);
            options.SigningKeys.RefreshInterval = TimeSpan.FromSeconds(5);
            options.SigningKeys.MaxResponseBytes = 0;
        });

        result.Failures.Should().HaveCount(7);
    }

    [Fact]
    public void Start_up_fails_without_application_id()
    {
        var services = new ServiceCollection();
        services.AddIdaasCallbacks(options => options.JsonWebKeySet = Jwks);
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value;

        resolve.Should().Throw<OptionsValidationException>().WithMessage("*ApplicationId is required*");
    }

    [Fact]
    public void Configuration_section_binds_all_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Idaas:ApplicationId"] = "app_simapp01",
            ["Idaas:InstanceId"] = "idaas_simtenant01",
            ["Idaas:PublicKeyEndpoint"] = "https://idaas.example.test/v2/idaas_simtenant01/app_simapp01/provisioning/jwks",
            ["Idaas:ClockSkew"] = "00:00:30",
            ["Idaas:SigningKeys:RefreshCooldown"] = "00:01:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddIdaasCallbacks(configuration.GetSection("Idaas"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value;

        options.ApplicationId.Should().Be("app_simapp01");
        options.InstanceId.Should().Be("idaas_simtenant01");
        options.PublicKeyEndpoint!.AbsolutePath.Should().EndWith("/provisioning/jwks");
        options.ClockSkew.Should().Be(TimeSpan.FromSeconds(30));
        options.SigningKeys.RefreshCooldown.Should().Be(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Registering_twice_adds_services_once()
    {
        var services = new ServiceCollection();
        services.AddIdaasCallbacks(options => options.ApplicationId = "app_simapp01");
        var count = services.Count;

        services.AddIdaasCallbacks(options => options.JsonWebKeySet = Jwks);

        services.Count.Should().Be(count + 1, "only the second configure action is added");
    }

    [Fact]
    public void Null_arguments_throw()
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => services.AddIdaasCallbacks((Action<IdaasCallbackOptions>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => services.AddIdaasCallbacks((IConfiguration)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddIdaasCallbacks(_ => { })).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Inline_key_set_with_raw_lone_surrogate_fails()
    {
        var result = Validate(options => options.JsonWebKeySet = "{\"keys\":[],\"note\":\"\ud800\"}");

        result.FailureMessage.Should().Contain("JsonWebKeySet is not a JWKS");
    }

    [Fact]
    public void Inline_key_set_without_usable_key_fails()
    {
        var result = Validate(options => options.JsonWebKeySet = """{"keys":[{"kty":"oct","kid":"sym-1","k":"c2VjcmV0"}]}""");

        result.FailureMessage.Should().Contain("no usable RS256 key");
    }

    [Fact]
    public void Endpoint_credentials_stay_out_of_messages()
    {
        var result = Validate(options =>
        {
            options.JsonWebKeySet = null;
            options.PublicKeyEndpoint = new Uri("http://admin:hunter2@idaas.example.test/jwks?token=abc");
        });

        result.FailureMessage.Should().Contain("http://idaas.example.test/jwks");
        result.FailureMessage.Should().NotContain("hunter2");
        result.FailureMessage.Should().NotContain("token=abc");
    }

    private static string CreateJwks()
    {
        using var key = Testing.IdaasSigningKey.Generate("sim-k1");
        return Testing.IdaasJsonWebKeySet.ToJson(key);
    }

    private static ValidateOptionsResult Validate(Action<IdaasCallbackOptions> configure)
    {
        var options = new IdaasCallbackOptions { ApplicationId = "app_simapp01", JsonWebKeySet = Jwks };
        configure(options);
        return new IdaasCallbackOptionsValidator().Validate(null, options);
    }
}
