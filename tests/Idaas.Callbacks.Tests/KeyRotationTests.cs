using System.Net;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Tests;

/// <summary>
/// Key rotation and key-endpoint failures seen through <see cref="CallbackReceiver"/>, with a JWKS endpoint
/// that counts its requests. The class runs alone, because one test measures the heap of the whole process.
/// </summary>
[Collection(nameof(KeyRotationTests))]
[CollectionDefinition(nameof(KeyRotationTests), DisableParallelization = true)]
public sealed class KeyRotationTests : IAsyncDisposable
{
    private const string InstanceId = "idaas_simtenant01";
    private const string ApplicationId = "app_simapp01";

    private readonly IdaasSigningKey _first = IdaasSigningKey.Generate("sim-k1");
    private readonly IdaasSigningKey _second = IdaasSigningKey.Generate("sim-k2");
    private readonly KeyCacheHarness _harness = KeyCacheHarness.WithStub(
        options =>
        {
            options.ApplicationId = ApplicationId;
            options.InstanceId = InstanceId;
        },
        services => services.AddIdaasCallbacks(_ => { }));

    private CallbackReceiver Receiver => _harness.Services.GetRequiredService<CallbackReceiver>();

    [Fact]
    public async Task First_callback_from_new_key_is_accepted()
    {
        await WarmAsync();
        _harness.Stub.RespondWithJson(IdaasJsonWebKeySet.ToJson(_first, _second));

        var result = await Receiver.ReceiveAsync(Body(_second));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        _harness.Stub.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task Twenty_concurrent_new_key_callbacks_fetch_once()
    {
        await WarmAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _harness.Stub.RespondWithJsonAfter(gate.Task, IdaasJsonWebKeySet.ToJson(_first, _second));
        var bodies = Enumerable.Range(0, 20).Select(_ => Body(_second)).ToList();

        var receives = bodies.Select(body => Task.Run(async () => await Receiver.ReceiveAsync(body))).ToList();
        await _harness.Stub.WaitForRequestAsync();
        gate.SetResult();
        var results = await Task.WhenAll(receives).WaitAsync(TimeSpan.FromSeconds(10));

        results.Should().OnlyContain(result => result.IsAccepted);
        _harness.Stub.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task Removed_key_is_rejected_cleanly_after_swap()
    {
        await WarmAsync();
        _harness.Stub.RespondWithJson(IdaasJsonWebKeySet.ToJson(_second));
        var oldKeyBody = Body(_first);

        var newKey = await Receiver.ReceiveAsync(Body(_second));
        var oldKey = await Receiver.ReceiveAsync(oldKeyBody);

        newKey.IsAccepted.Should().BeTrue(newKey.RejectionMessage);
        oldKey.RejectionReason.Should().Be(CallbackRejectionReason.UnknownKey);
        oldKey.StatusCode.Should().Be(503, "IDaaS should retry rather than lose the callback");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "<html><body>Bad gateway</body></html>", "text/html")]
    [InlineData(HttpStatusCode.OK, "<html><form>Sign in</form></html>", "text/html")]
    [InlineData(HttpStatusCode.OK, """{"keys":[]}""", "application/json")]
    [InlineData(HttpStatusCode.OK, """{"keys":"oops"}""", "application/json")]
    public async Task Failed_refresh_answers_retryable_status(HttpStatusCode status, string body, string contentType)
    {
        await WarmAsync();
        _harness.Stub.Respond(status, body, contentType);

        var newKey = await Receiver.ReceiveAsync(Body(_second));
        var oldKey = await Receiver.ReceiveAsync(Body(_first));

        newKey.StatusCode.Should().Be(503);
        oldKey.IsAccepted.Should().BeTrue("a failed refresh keeps the keys that worked");
    }

    [Fact]
    public async Task Cold_cache_with_failing_endpoint_is_retryable()
    {
        _harness.Stub.Respond(HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "text/html");

        var result = await Receiver.ReceiveAsync(Body(_first));

        result.RejectionReason.Should().Be(CallbackRejectionReason.KeysUnavailable);
        result.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Parallel_callbacks_during_key_swaps_are_correct()
    {
        await WarmAsync();
        _harness.Stub.RespondWithJson(IdaasJsonWebKeySet.ToJson(_first, _second));
        var receiver = Receiver;
        var bodies = Enumerable.Range(0, 64).Select(index => Body(index % 2 == 0 ? _first : _second)).ToList();

        var swaps = Task.Run(async () =>
        {
            for (var swap = 0; swap < 20; swap++)
            {
                await _harness.Cache.RefreshAsync(CancellationToken.None);
            }
        });
        var receives = bodies.Select(body => Task.Run(async () => await receiver.ReceiveAsync(body))).ToList();
        var results = await Task.WhenAll(receives).WaitAsync(TimeSpan.FromSeconds(20));
        await swaps;

        results.Should().OnlyContain(result => result.IsAccepted);
    }

    [Fact]
    public async Task Handler_exception_answers_retryable_status()
    {
        _harness.Stub.Throw(new InvalidOperationException("The circuit is open."));

        var result = await Receiver.ReceiveAsync(Body(_first));

        result.RejectionReason.Should().Be(CallbackRejectionReason.KeysUnavailable);
        result.StatusCode.Should().Be(503);
    }

    [Fact]
    public async Task Entry_with_invalid_string_is_skipped()
    {
        var good = IdaasJsonWebKeySet.ToJson(_first)["{\"keys\":[".Length..^2];
        var bad = IdaasJsonWebKeySet.ToJson(_second)["{\"keys\":[".Length..^2].Replace("\"sim-k2\"", "\"\\ud800\"", StringComparison.Ordinal);
        _harness.Stub.RespondWithJson("{\"keys\":[" + bad + "," + good + "]}");

        var result = await Receiver.ReceiveAsync(Body(_first));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
    }

    [Fact]
    public async Task Document_with_invalid_member_name_keeps_keys()
    {
        await WarmAsync();
        _harness.Stub.RespondWithJson("{\"\\ud800\":1,\"keys\":[]}");

        var newKey = await Receiver.ReceiveAsync(Body(_second));
        var oldKey = await Receiver.ReceiveAsync(Body(_first));

        newKey.StatusCode.Should().Be(503);
        oldKey.IsAccepted.Should().BeTrue(oldKey.RejectionMessage);
    }

    [Fact]
    public async Task Rebuilt_keys_do_not_grow_the_heap()
    {
        await WarmAsync();
        var token = Body(_first);
        var receiver = Receiver;

        long? baseline = null;
        for (var round = 0; round < 500; round++)
        {
            // Every refresh parses the document again and builds new key objects with the same kid.
            (await _harness.Cache.RefreshAsync(CancellationToken.None)).Should().BeTrue();
            for (var call = 0; call < 100; call++)
            {
                (await receiver.ReceiveAsync(token)).IsAccepted.Should().BeTrue();
            }

            if (round == 50)
            {
                baseline = CollectedHeapSize();
            }
        }

        var growth = CollectedHeapSize() - baseline!.Value;
        growth.Should().BeLessThan(2 * 1024 * 1024, "450 rebuilds of the key set must not leave signature providers behind");
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _first.Dispose();
        _second.Dispose();
    }

    private static long CollectedHeapSize()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private async Task WarmAsync()
    {
        // As the start-up prefetch does: a load that no unknown kid triggered starts no refresh cooldown.
        _harness.Stub.RespondWithJson(IdaasJsonWebKeySet.ToJson(_first));
        (await _harness.Cache.RefreshAsync(CancellationToken.None)).Should().BeTrue();
        var warm = await Receiver.ReceiveAsync(Body(_first));
        warm.IsAccepted.Should().BeTrue(warm.RejectionMessage);
        _harness.Stub.RequestCount.Should().Be(1);
    }

    private byte[] Body(IdaasSigningKey key)
    {
        var descriptor = new CallbackTokenDescriptor
        {
            InstanceId = InstanceId,
            ApplicationId = ApplicationId,
            IssuedAt = _harness.Time.GetUtcNow(),
            PlainData = Support.CallbackHarness.UserCreatedData(),
        };
        return CallbackTokenSigner.CreateRequestBody(new CallbackTokenSigner(key).CreateToken(descriptor));
    }
}
