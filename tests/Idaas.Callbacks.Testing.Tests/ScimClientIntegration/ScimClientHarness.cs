using System.Collections.Concurrent;
using Idaas.Callbacks.Scim;
using Idaas.Callbacks.Testing.Scim;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests.ScimClientIntegration;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that moves its clock forward by each timer's due time as soon as the timer is
/// created, so the client's rate-limit and retry waits finish at once, and records the due times.
/// </summary>
internal sealed class AutoAdvancingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero))
{
    public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            DueTimes.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }

    /// <summary>Gets the waits of at least <paramref name="minimum"/>, which leaves out the rate limiter's short refill waits.</summary>
    public IReadOnlyList<TimeSpan> WaitsOfAtLeast(TimeSpan minimum) => [.. DueTimes.Where(due => due >= minimum)];
}

/// <summary>Counts and records the requests that pass through it, by method and path.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentQueue<(string Method, string PathAndQuery, string? Body, string? IfMatch, string? IfNoneMatch)> Requests { get; } = new();

    public ConcurrentQueue<int> StatusCodes { get; } = new();

    public int Count(string method, string pathContains)
        => Requests.Count(request => request.Method == method && request.PathAndQuery.Contains(pathContains, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var ifMatch = request.Headers.TryGetValues("If-Match", out var match) ? string.Join(",", match) : null;
        var ifNoneMatch = request.Headers.TryGetValues("If-None-Match", out var noneMatch) ? string.Join(",", noneMatch) : null;
        Requests.Enqueue((request.Method.Method, request.RequestUri!.PathAndQuery, body, ifMatch, ifNoneMatch));
        var response = await base.SendAsync(request, cancellationToken);
        StatusCodes.Enqueue((int)response.StatusCode);
        return response;
    }
}

/// <summary>
/// A simulator and a real <see cref="ScimClient"/> on one auto-advancing clock, connected in memory through the
/// provider's handler or over Kestrel on 127.0.0.1.
/// </summary>
internal sealed class ScimClientHarness : IAsyncDisposable
{
    public const string StaticToken = "static-integration-token";
    public const string ClientId = "client-1";
    public const string ClientSecret = "secret-1";

    private readonly List<IDisposable> _disposables = [];

    public ScimClientHarness(int serverRequestsPerSecond = 0)
    {
        Time = new AutoAdvancingTimeProvider();
        Simulator = new IdaasSimulator(new SimulatorOptions { InstanceId = "idaas_simtenant01", ApplicationId = "app_simapp01" }, Time);
        Scim.Options.StaticBearerToken = StaticToken;
        Scim.Options.ClientId = ClientId;
        Scim.Options.ClientSecret = ClientSecret;
        Scim.Options.RequestsPerSecond = serverRequestsPerSecond;
    }

    public AutoAdvancingTimeProvider Time { get; }

    public IdaasSimulator Simulator { get; }

    public SimulatorScimServiceProvider Scim => Simulator.Scim;

    public RecordingHandler? Recorder { get; private set; }

    /// <summary>Creates a client that reaches the provider in memory, with a static bearer token unless configured otherwise.</summary>
    public ScimClient CreateClient(Action<ScimClientOptions>? configure = null)
    {
        var options = new ScimClientOptions
        {
            BaseAddress = new Uri("http://127.0.0.1" + Scim.BasePath),
            BearerToken = StaticToken,
            RequestsPerSecond = 0,
            RequestTimeout = Timeout.InfiniteTimeSpan,
        };
        configure?.Invoke(options);
        return Track(options, Scim.CreateHandler());
    }

    /// <summary>Switches <paramref name="options"/> from the static token to client credentials at the simulator's token endpoint.</summary>
    public static void UseClientCredentials(ScimClientOptions options, ScimClientAuthentication authentication = ScimClientAuthentication.Basic)
    {
        options.BearerToken = null;
        options.ClientCredentials = new ScimClientCredentials
        {
            InstanceId = "idaas_simtenant01",
            ApplicationId = "app_simapp01",
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientAuthentication = authentication,
        };
    }

    /// <summary>Starts Kestrel and creates a client that authenticates with client credentials over HTTP.</summary>
    public async Task<ScimClient> CreateKestrelClientAsync(ScimClientAuthentication authentication, Action<ScimClientOptions>? configure = null)
    {
        var baseUri = await Simulator.StartScimServerAsync();
        var options = new ScimClientOptions
        {
            BaseAddress = baseUri,
            RequestsPerSecond = 0,
            RequestTimeout = Timeout.InfiniteTimeSpan,
        };
        UseClientCredentials(options, authentication);
        configure?.Invoke(options);
        return Track(options, new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            disposable.Dispose();
        }

        await Simulator.DisposeAsync();
    }

    private ScimClient Track(ScimClientOptions options, HttpMessageHandler handler)
    {
        Recorder = new RecordingHandler(handler);
        var http = new HttpClient(Recorder) { Timeout = Timeout.InfiniteTimeSpan };
        var client = new ScimClient(http, options, Time);
        _disposables.Add(http);
        _disposables.Add(client);
        return client;
    }
}
