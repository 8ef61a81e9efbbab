using System.Net;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>
/// A Kestrel host on 127.0.0.1 with a dynamic port that maps the callback endpoint, with an inline JWKS of one
/// generated key and <see cref="UserEventRecorder"/> registered, so user events are handled and others skipped.
/// </summary>
internal sealed class CallbackTestHost : IAsyncDisposable
{
    public const string InstanceId = "idaas_simtenant01";
    public const string ApplicationId = "app_simapp01";
    public const string Path = "/idaas/callbacks";

    // Generating an RSA key costs tens of milliseconds, so all hosts share one.
    private static readonly IdaasSigningKey SharedKey = IdaasSigningKey.Generate("sim-k1");

    private readonly WebApplication _app;

    private CallbackTestHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public static CallbackTokenSigner Signer { get; } = new(SharedKey);

    public HttpClient Client { get; }

    public IEventInbox Inbox => _app.Services.GetRequiredService<IEventInbox>();

    public RecordedEvents Recorded => _app.Services.GetRequiredService<RecordedEvents>();

    public IServiceProvider Services => _app.Services;

    public IReadOnlyList<FakeLogRecord> Logs => _app.Services.GetFakeLogCollector().GetSnapshot();

    /// <summary>Starts a host; <paramref name="configureApp"/> runs before the endpoint is mapped, to add middleware.</summary>
    public static async Task<CallbackTestHost> StartAsync(
        Action<IdaasCallbackOptions>? configureOptions = null,
        Action<WebApplication>? configureApp = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        bool runDispatcher = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = ApplicationId;
            options.InstanceId = InstanceId;
            options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson(SharedKey);
            configureOptions?.Invoke(options);
        }).AddHandler<UserEventRecorder>();
        builder.Services.AddSingleton<RecordedEvents>();

        // Most tests inspect what the endpoint put into the inbox, so the dispatcher must not take it out.
        if (!runDispatcher)
        {
            var dispatcher = builder.Services.Single(descriptor => descriptor.ServiceType == typeof(IHostedService)
                && descriptor.ImplementationFactory?.GetType().GenericTypeArguments.LastOrDefault() == typeof(EventDispatcher));
            builder.Services.Remove(dispatcher);
        }
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        configureApp?.Invoke(app);
        app.MapIdaasCallbacks();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(20) };
        return new CallbackTestHost(app, client);
    }

    /// <summary>Posts <paramref name="body"/> with <c>Content-Type: application/json;charset=utf-8</c>, as IDaaS does.</summary>
    public Task<HttpResponseMessage> PostAsync(byte[] body, string? contentType = "application/json;charset=utf-8")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Client.PostAsync(Path, content);
    }

    /// <summary>Posts a callback signed now with the events of <paramref name="events"/>.</summary>
    public Task<HttpResponseMessage> PostEventsAsync(SyncEventBuilder events, string? tokenId = null)
        => PostAsync(TestCallbacks.Body(events, tokenId));

    /// <summary>Returns the inbox entries without completing them, waiting at most 5 seconds for <paramref name="count"/>.</summary>
    public async Task<List<InboxEntry>> ReadInboxAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var entries = new List<InboxEntry>();
        await foreach (var entry in Inbox.ReadAllAsync(timeout.Token))
        {
            entries.Add(entry);
            if (entries.Count == count)
            {
                break;
            }
        }

        return entries;
    }

    public void StopApplication() => _app.Lifetime.StopApplication();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
