using Idaas.Callbacks.Events;
using Idaas.Callbacks.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests;

public sealed class RealVectorTests
{
    private static readonly RealVector Vector = RealVector.Instance;

    [Fact]
    public async Task Real_token_decodes_to_one_user_deleted_event()
    {
        using var provider = BuildProvider(new FakeTimeProvider(Vector.IssuedAt.AddMinutes(5)));

        var result = await provider.GetRequiredService<CallbackReceiver>().ReceiveAsync(Vector.Body);

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.FailedEvents.Should().BeEmpty();
        var deleted = result.Events.Should().ContainSingle().Which.Should().BeOfType<UserDeletedEvent>().Subject;
        deleted.EventId.Should().Be("evnt_aaaac76zx6x3lxfwgp2f2vm4kvhiv2gi33kqc7q");
        deleted.BusinessId.Should().Be("user_ossx3qxxixacimjwpwqdmmofr4");
        deleted.InstanceId.Should().Be("idaas_2w4vmfrynxi7ae25mt7k5e4opi");
        deleted.ApplicationId.Should().Be(Vector.ApplicationId);
        deleted.EventTime.Should().Be(DateTimeOffset.Parse("2022-03-30T07:34:52.578Z", System.Globalization.CultureInfo.InvariantCulture));
        deleted.TokenId.Should().Be("GRUOIR19y23Q_Q_coz1Kcw");
        deleted.BatchIndex.Should().Be(0);
        deleted.User.UserId.Should().Be("user_ossx3qxxixacimjwpwqdmmofr4");
        result.Token!.DataEncrypted.Should().BeTrue();
    }

    [Fact]
    public async Task Real_token_checks_configured_instance()
    {
        using var provider = BuildProvider(new FakeTimeProvider(Vector.IssuedAt), options => options.InstanceId = "idaas_2w4vmfrynxi7ae25mt7k5e4opi");

        var result = await provider.GetRequiredService<CallbackReceiver>().ReceiveAsync(Vector.Body);

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Real_token_is_expired_with_real_clock()
    {
        using var provider = BuildProvider(TimeProvider.System);

        var result = await provider.GetRequiredService<CallbackReceiver>().ReceiveAsync(Vector.Body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.Expired);
        result.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task Real_token_with_changed_character_is_rejected()
    {
        using var provider = BuildProvider(new FakeTimeProvider(Vector.IssuedAt.AddMinutes(5)));
        var receiver = provider.GetRequiredService<CallbackReceiver>();
        var token = Vector.Token;
        var dots = new[] { token.IndexOf('.', StringComparison.Ordinal), token.LastIndexOf('.') };
        var positions = new[] { 0, dots[0] / 2, dots[0] - 1, dots[0] + 1, (dots[0] + dots[1]) / 2, dots[1] - 1, dots[1] + 1, token.Length - 2 };

        foreach (var position in positions)
        {
            var replacement = token[position] == 'a' ? 'b' : 'a';
            var altered = token[..position] + replacement + token[(position + 1)..];

            var result = await receiver.ReceiveAsync(Callbacks.Testing.CallbackTokenSigner.CreateRequestBody(altered));

            result.IsAccepted.Should().BeFalse($"the character at {position} was changed");
        }
    }

    [Fact]
    public async Task Real_token_with_other_application_is_rejected()
    {
        using var provider = BuildProvider(new FakeTimeProvider(Vector.IssuedAt), options => options.ApplicationId = "app_other");

        var result = await provider.GetRequiredService<CallbackReceiver>().ReceiveAsync(Vector.Body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.InvalidAudience);
    }

    [Fact]
    public async Task Real_token_without_key_is_retryable()
    {
        using var provider = BuildProvider(new FakeTimeProvider(Vector.IssuedAt), options => options.EncryptionKey = null);

        var result = await provider.GetRequiredService<CallbackReceiver>().ReceiveAsync(Vector.Body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.DecryptionFailed);
        result.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Real_token_with_wrong_key_is_retryable()
    {
        var wrongKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var provider = BuildProvider(new FakeTimeProvider(Vector.IssuedAt), options => options.EncryptionKey = wrongKey);

        var result = await provider.GetRequiredService<CallbackReceiver>().ReceiveAsync(Vector.Body);

        result.RejectionReason.Should().Be(CallbackRejectionReason.DecryptionFailed);
        result.IsRetryable.Should().BeTrue();
    }

    private static ServiceProvider BuildProvider(TimeProvider time, Action<IdaasCallbackOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = Vector.ApplicationId;
            options.JsonWebKeySet = Vector.JsonWebKeySet;
            options.EncryptionKey = Vector.EncryptionKey;
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider();
    }
}
