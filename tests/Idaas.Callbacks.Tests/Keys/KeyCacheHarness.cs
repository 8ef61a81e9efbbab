using Idaas.Callbacks.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests.Keys;

/// <summary>
/// A service provider with the signing-key registrations, a fake clock and collected logs. The JWKS endpoint is
/// either <see cref="StubJwksHandler"/> or, without a stub, the real HTTP handler of the registration.
/// </summary>
internal sealed class KeyCacheHarness : IAsyncDisposable
{
    public const string StubEndpoint = "https://idaas-jwks.test/v2/idaas_test/app_test/provisioning/jwks";

    private readonly ServiceProvider _services;

    private KeyCacheHarness(ServiceProvider services, FakeTimeProvider time, StubJwksHandler? handler, ReceivedBytesCounter received)
    {
        _services = services;
        Time = time;
        Handler = handler;
        Received = received;
    }

    public FakeTimeProvider Time { get; }

    public StubJwksHandler? Handler { get; }

    /// <summary>The bytes read from the network by the real HTTP handler. Always zero with the stub.</summary>
    public ReceivedBytesCounter Received { get; }

    public StubJwksHandler Stub => Handler ?? throw new InvalidOperationException("This harness uses the real HTTP handler.");

    public SigningKeyCache Cache => _services.GetRequiredService<SigningKeyCache>();

    public IServiceProvider Services => _services;

    public static KeyCacheHarness WithStub(Action<IdaasCallbackOptions>? configure = null, Action<IServiceCollection>? configureServices = null) =>
        Create(
            new StubJwksHandler(),
            options =>
            {
                options.PublicKeyEndpoint = new Uri(StubEndpoint);
                configure?.Invoke(options);
            },
            configureServices);

    public static KeyCacheHarness WithRealHandler(Action<IdaasCallbackOptions> configure) => Create(null, configure, null);

    /// <summary>Returns the records that the key cache and its refresh service logged, oldest first.</summary>
    public IReadOnlyList<FakeLogRecord> KeyLogs() =>
        [.. _services.GetFakeLogCollector().GetSnapshot().Where(record => record.Id.Id is >= 2000 and < 2100)];

    public IReadOnlyList<FakeLogRecord> KeyLogs(string eventName) =>
        [.. KeyLogs().Where(record => record.Id.Name == eventName)];

    /// <summary>
    /// Waits, for at most 10 seconds of real time, until <paramref name="count"/> records of the event have been
    /// logged. A shared fetch logs on its own thread, after the callers waiting for it may have returned.
    /// </summary>
    public async Task WaitForKeyLogAsync(string eventName, int count = 1)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = 0;
        try
        {
            await foreach (var record in _services.GetFakeLogCollector().GetLogsAsync(limit.Token))
            {
                if (record.Id.Name == eventName && ++seen == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The assertion below reports the missing records.
        }

        KeyLogs(eventName).Should().HaveCount(count);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Handler?.Dispose();
    }

    private static KeyCacheHarness Create(StubJwksHandler? handler, Action<IdaasCallbackOptions> configure, Action<IServiceCollection>? configureServices)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.Configure<IdaasCallbackOptions>(options =>
        {
            options.ApplicationId = "app_test";
            configure(options);
        });
        services.AddIdaasSigningKeys();
        var received = new ReceivedBytesCounter();
        if (handler is not null)
        {
            services.AddHttpClient(SigningKeyServiceCollectionExtensions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => handler);
        }
        else
        {
            // Only the connection is replaced. Every other setting of the registered handler stays.
            services.AddHttpClient(SigningKeyServiceCollectionExtensions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler((primary, _) => received.Attach((SocketsHttpHandler)primary));
        }

        configureServices?.Invoke(services);
        return new KeyCacheHarness(services.BuildServiceProvider(), time, handler, received);
    }
}
