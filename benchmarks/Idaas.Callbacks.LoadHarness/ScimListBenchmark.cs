using System.Diagnostics;
using System.Globalization;
using Idaas.Callbacks.Scim;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.LoadHarness;

/// <summary>
/// The <c>scim-list</c> mode: lists every user of the simulator's SCIM service provider on Kestrel at 127.0.0.1
/// through <see cref="ScimClient"/>, with both sides limited to the same request rate and, as a baseline, with
/// no limit on either side.
/// </summary>
internal static class ScimListBenchmark
{
    private const string InstanceId = "idaas_scimbench0000000000000";
    private const string ApplicationId = "app_scimbench000000000000000";

    /// <summary>Runs the rounds, prints a Markdown table and returns 1 when the caller saw an HTTP 429 or a count was wrong.</summary>
    /// <param name="users">The users to seed and list.</param>
    /// <param name="pageSize">The page size the client requests; the simulator serves at most 100.</param>
    /// <param name="rate">The requests per second of both limits in the limited rounds.</param>
    public static async Task<int> RunAsync(int users, int pageSize, int rate)
    {
        await using var simulator = new IdaasSimulator(new SimulatorOptions { InstanceId = InstanceId, ApplicationId = ApplicationId });
        for (var i = 0; i < users; i++)
        {
            simulator.Directory.CreateUser($"bench{i:D6}@example.test", $"Bench User {i}", $"bench{i:D6}@mail.example.test");
        }

        simulator.Scim.Options.ClientId = "bench-client";
        simulator.Scim.Options.ClientSecret = "bench-secret-0123456789abcdef";
        var baseUri = await simulator.StartScimServerAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {users} users, page size {pageSize}, limit {rate} requests per second on both sides"));

        // Warm up without a limit, then measure in the order baseline, limited, limited, baseline.
        await RunRoundAsync("warm-up", simulator, baseUri, pageSize, 0, users);
        var rounds = new List<ScimListResult>();
        foreach (var limited in new[] { false, true, true, false })
        {
            rounds.Add(await RunRoundAsync(limited ? "limited" : "baseline", simulator, baseUri, pageSize, limited ? rate : 0, users));
        }

        var baselineSeconds = rounds.Where(round => round.Name == "baseline").Average(round => round.Elapsed.TotalSeconds);
        Console.WriteLine();
        Console.WriteLine("| Round | Users | Pages | Requests | 429 retried | 429 to caller | Wall s | Floor s | Wall / floor | Wall / baseline | Alloc KB / page | Live heap MB after page 10 / 50 / last | Peak working set MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var round in rounds)
        {
            Console.WriteLine(round.ToMarkdownRow(baselineSeconds));
        }

        return rounds.Any(round => round.ThrottledToCaller > 0 || round.Users != users) ? 1 : 0;
    }

    private static async Task<ScimListResult> RunRoundAsync(string name, IdaasSimulator simulator, Uri baseUri, int pageSize, int rate, int expectedUsers)
    {
        simulator.Scim.Options.RequestsPerSecond = rate;

        // The simulator counts requests over a sliding second, so a round starts after the previous one left it.
        await Task.Delay(TimeSpan.FromSeconds(1.1));

        using var counter = new CountingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new ScimClient(http, new ScimClientOptions
        {
            BaseAddress = baseUri,
            RequestsPerSecond = rate,
            ClientCredentials = new ScimClientCredentials
            {
                InstanceId = InstanceId,
                ApplicationId = ApplicationId,
                ClientId = simulator.Scim.Options.ClientId,
                ClientSecret = simulator.Scim.Options.ClientSecret,
            },
        });

        var heapSamples = new List<long>();
        long peakWorkingSet = 0;
        var count = 0;
        var throttledToCaller = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await foreach (var user in client.ListUsersAsync(pageSize: pageSize))
            {
                count++;
                if (count % pageSize != 0)
                {
                    continue;
                }

                // One sample per page; the live heap is measured after a full collection at pages 10, 50 and the last.
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                var page = count / pageSize;
                if (page is 10 or 50 || count == expectedUsers)
                {
                    heapSamples.Add(GC.GetTotalMemory(forceFullCollection: true));
                }
            }
        }
        catch (ScimException exception) when (exception.StatusCode == 429)
        {
            throttledToCaller++;
        }

        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var pages = counter.Count("/Users");
        var floor = rate > 0 ? TimeSpan.FromSeconds((double)pages / rate) : TimeSpan.Zero;
        return new ScimListResult(name, count, pages, counter.Total, counter.Throttled, throttledToCaller, stopwatch.Elapsed, floor, allocated, heapSamples, peakWorkingSet);
    }

    /// <summary>Counts requests by path and the HTTP 429 responses.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, int> _byPath = new(StringComparer.Ordinal);
        private int _total;
        private int _throttled;

        public int Total => Volatile.Read(ref _total);

        public int Throttled => Volatile.Read(ref _throttled);

        public int Count(string pathEnd)
        {
            lock (_byPath)
            {
                return _byPath.Where(pair => pair.Key.EndsWith(pathEnd, StringComparison.Ordinal)).Sum(pair => pair.Value);
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _total);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode == 429)
            {
                Interlocked.Increment(ref _throttled);
            }
            else
            {
                lock (_byPath)
                {
                    var path = request.RequestUri!.AbsolutePath;
                    _byPath[path] = _byPath.GetValueOrDefault(path) + 1;
                }
            }

            return response;
        }
    }
}

/// <summary>One listing: what the caller received, the requests sent, the time against the floor and the memory.</summary>
internal sealed record ScimListResult(
    string Name,
    int Users,
    int Pages,
    int Requests,
    int ThrottledRetried,
    int ThrottledToCaller,
    TimeSpan Elapsed,
    TimeSpan Floor,
    long AllocatedBytes,
    IReadOnlyList<long> LiveHeapBytes,
    long PeakWorkingSetBytes)
{
    public string ToMarkdownRow(double baselineSeconds)
    {
        var floor = Floor > TimeSpan.Zero ? (Elapsed / Floor).ToString("F2", CultureInfo.InvariantCulture) : "n/a";
        var floorSeconds = Floor > TimeSpan.Zero ? Floor.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "n/a";
        var heap = string.Join(" / ", LiveHeapBytes.Select(bytes => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {Name} | {Users:N0} | {Pages} | {Requests} | {ThrottledRetried} | {ThrottledToCaller} | {Elapsed.TotalSeconds:F2} | {floorSeconds} | {floor} | {Elapsed.TotalSeconds / baselineSeconds:F2} | {AllocatedBytes / 1024.0 / Math.Max(1, Pages):F0} | {heap} | {PeakWorkingSetBytes / 1048576.0:F0} |");
    }
}
