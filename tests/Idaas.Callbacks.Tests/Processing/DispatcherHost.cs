using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Processing.Internal;
using Idaas.Callbacks.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Tests.Processing;

/// <summary>
/// A real generic host with AddIdaasCallbacks, the real in-memory inbox behind a signaling wrapper, fake
/// logging and a fake clock. Retry delays use the full jitter bound, so they are exact.
/// </summary>
internal sealed class DispatcherHost : IAsyncDisposable
{
    private static readonly string Jwks = CreateJwks();

    private DispatcherHost(IHost host, TimerSignalingTimeProvider time)
    {
        Host = host;
        Time = time;
    }

    public IHost Host { get; }

    public TimerSignalingTimeProvider Time { get; }

    public HandlerProbe Probe => Host.Services.GetRequiredService<HandlerProbe>();

    public SignalingInbox Inbox => Host.Services.GetRequiredService<SignalingInbox>();

    public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

    public InMemoryDeadLetterSink DeadLetters => Host.Services.GetRequiredService<InMemoryDeadLetterSink>();

    public static DispatcherHost Create(Action<IdaasCallbacksBuilder> addHandlers, Action<DispatcherOptions>? configure = null)
    {
        var time = new TimerSignalingTimeProvider(TestEvents.Start);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(time);
        services.AddFakeLogging();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<HandlerProbe>();
        services.AddScoped<ScopeMarker>();
        services.AddSingleton(provider => new SignalingInbox(ActivatorUtilities.CreateInstance<InMemoryEventInbox>(provider)));
        services.AddSingleton<IEventInbox>(provider => provider.GetRequiredService<SignalingInbox>());
        services.AddSingleton(provider =>
        {
            var dispatcher = provider.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value.Dispatcher;
            return new RetryBackoff(dispatcher.RetryBaseDelay, dispatcher.RetryMaxDelay, () => 1.0);
        });

        var callbacks = services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = "app_simapp01";
            options.JsonWebKeySet = Jwks;
            configure?.Invoke(options.Dispatcher);
        });
        addHandlers(callbacks);

        return new DispatcherHost(builder.Build(), time);
    }

    public Task StartAsync() => Host.StartAsync();

    public async Task<InboxEnqueueStatus> EnqueueAsync(params IdaasEvent[] events)
    {
        var result = await Inbox.EnqueueAsync(events, Time.GetUtcNow(), CancellationToken.None);
        return result.Status;
    }

    public async ValueTask DisposeAsync()
    {
        // A canceled token ends the drain at once, so blocked test handlers cannot hold the test run.
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Host.StopAsync(canceled.Token);
        Host.Dispose();
    }

    private static string CreateJwks()
    {
        using var key = IdaasSigningKey.Generate("sim-k1");
        return IdaasJsonWebKeySet.ToJson(key);
    }
}
