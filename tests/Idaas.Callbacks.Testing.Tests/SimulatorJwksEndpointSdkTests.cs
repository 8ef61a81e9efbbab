using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>The SDK's receiver fetching signing keys from the simulator's JWKS over HTTP on 127.0.0.1.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xUnit disposes the fields through IAsyncLifetime.DisposeAsync.")]
public sealed class SimulatorJwksEndpointSdkTests : IAsyncLifetime
{
    private const string InstanceId = "idaas_simtenant01";
    private const string ApplicationId = "app_simapp01";

    // The SDK's default RefreshCooldown is 30 seconds, and the first lookup starts it.
    private static readonly TimeSpan PastRefreshCooldown = TimeSpan.FromSeconds(31);

    private readonly SimulatorSigningKeys _keys = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SimulatorJwksEndpoint _endpoint = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _endpoint = new SimulatorJwksEndpoint(_keys, InstanceId, ApplicationId);
        var jwksUri = await _endpoint.StartAsync();

        // A fresh provider per test, without a host, so the start-up prefetch does not run and the first
        // callback fetches the JWKS.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = ApplicationId;
            options.InstanceId = InstanceId;
            options.PublicKeyEndpoint = jwksUri;
        });
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _endpoint.DisposeAsync();
        _keys.Dispose();
    }

    private CallbackReceiver Receiver => _services.GetRequiredService<CallbackReceiver>();

    [Fact]
    public async Task Receiver_FetchesJwksAndVerifies()
    {
        var result = await Receiver.ReceiveAsync(CreateBody(_keys.Current));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.Token!.KeyId.Should().Be(_keys.Current.KeyId);
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Receiver_CachesJwks()
    {
        await Receiver.ReceiveAsync(CreateBody(_keys.Current));

        var second = await Receiver.ReceiveAsync(CreateBody(_keys.Current));

        second.IsAccepted.Should().BeTrue(second.RejectionMessage);
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Rotate_NewKeyVerifiesInSameCall()
    {
        var before = await Receiver.ReceiveAsync(CreateBody(_keys.Current));
        var rotated = _keys.Rotate();
        _time.Advance(PastRefreshCooldown);

        var after = await Receiver.ReceiveAsync(CreateBody(rotated));

        before.IsAccepted.Should().BeTrue(before.RejectionMessage);
        after.IsAccepted.Should().BeTrue(after.RejectionMessage);
        after.Token!.KeyId.Should().Be(rotated.KeyId);
        _endpoint.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task StagedRotation_OldAndNewKeysVerify()
    {
        var old = _keys.Current;
        var added = _keys.PublishNewKey();
        await Receiver.ReceiveAsync(CreateBody(old));

        _keys.SwitchSigningTo(added);
        var signedByNew = await Receiver.ReceiveAsync(CreateBody(_keys.Current));
        var signedByOld = await Receiver.ReceiveAsync(CreateBody(old));

        signedByNew.IsAccepted.Should().BeTrue(signedByNew.RejectionMessage);
        signedByOld.IsAccepted.Should().BeTrue(signedByOld.RejectionMessage);
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Rotate_WithinCooldown_RejectsUnknownKey()
    {
        await Receiver.ReceiveAsync(CreateBody(_keys.Current));
        var rotated = _keys.Rotate();

        var result = await Receiver.ReceiveAsync(CreateBody(rotated));

        result.RejectionReason.Should().Be(CallbackRejectionReason.UnknownKey);
        _endpoint.RequestCount.Should().Be(1);
    }

    [Theory]
    [InlineData(JwksFault.ServerError)]
    [InlineData(JwksFault.HtmlPage)]
    [InlineData(JwksFault.EmptyKeySet)]
    [InlineData(JwksFault.Garbage)]
    public async Task Fault_FirstFetch_RejectsAsKeysUnavailable(JwksFault fault)
    {
        _endpoint.Fault = fault;

        var result = await Receiver.ReceiveAsync(CreateBody(_keys.Current));

        result.RejectionReason.Should().Be(CallbackRejectionReason.KeysUnavailable);
        result.IsRetryable.Should().BeTrue();
        _endpoint.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Fault_Hang_RejectsAfterFetchTimeout()
    {
        _endpoint.Fault = JwksFault.Hang;

        var receiving = Receiver.ReceiveAsync(CreateBody(_keys.Current)).AsTask();
        await WaitForRequestCountAsync(1);
        _time.Advance(new IdaasCallbackOptions().SigningKeys.FetchTimeout);
        var result = await receiving.WaitAsync(TimeSpan.FromSeconds(10));

        result.RejectionReason.Should().Be(CallbackRejectionReason.KeysUnavailable);
        result.IsRetryable.Should().BeTrue();
    }

    [Fact]
    public async Task Fault_Cleared_VerifiesAfterCooldown()
    {
        _endpoint.Fault = JwksFault.ServerError;
        var failed = await Receiver.ReceiveAsync(CreateBody(_keys.Current));

        _endpoint.Fault = JwksFault.None;
        _time.Advance(PastRefreshCooldown);
        var recovered = await Receiver.ReceiveAsync(CreateBody(_keys.Current));

        failed.IsAccepted.Should().BeFalse();
        recovered.IsAccepted.Should().BeTrue(recovered.RejectionMessage);
        _endpoint.RequestCount.Should().Be(2);
    }

    private async Task WaitForRequestCountAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_endpoint.RequestCount < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private byte[] CreateBody(IdaasSigningKey key)
    {
        var token = new CallbackTokenSigner(key).CreateToken(new CallbackTokenDescriptor
        {
            InstanceId = InstanceId,
            ApplicationId = ApplicationId,
            IssuedAt = _time.GetUtcNow(),
            PlainData = new SyncEventBuilder(InstanceId)
                .AddEvent("evnt_0001", "urn:alibaba:idaas:app:event:ud:user:create", _time.GetUtcNow(), "user_0001", """{"userId":"user_0001","username":"rowan.vale"}""")
                .ToJson(),
        });
        return CallbackTokenSigner.CreateRequestBody(token);
    }
}
