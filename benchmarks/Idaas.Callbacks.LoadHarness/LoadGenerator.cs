using System.Diagnostics;
using System.Net.Http.Headers;

namespace Idaas.Callbacks.LoadHarness;

/// <summary>
/// Posts request bodies to one URL from a number of concurrent workers for a fixed time, and records the
/// latency of every request. Bodies are taken round-robin from the pool.
/// </summary>
internal static class LoadGenerator
{
    public static Task<LoadResult> RunAsync(string name, HttpClient client, Uri url, IReadOnlyList<byte[]> bodies, int concurrency, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return RunCoreAsync(name, client, url, bodies, concurrency, index => Stopwatch.GetTimestamp() < deadline);
    }

    /// <summary>Posts each body exactly once, so that every request carries a callback the receiver has not seen.</summary>
    public static Task<LoadResult> RunEachOnceAsync(string name, HttpClient client, Uri url, IReadOnlyList<byte[]> bodies, int concurrency)
        => RunCoreAsync(name, client, url, bodies, concurrency, index => index < bodies.Count);

    private static async Task<LoadResult> RunCoreAsync(string name, HttpClient client, Uri url, IReadOnlyList<byte[]> bodies, int concurrency, Func<int, bool> proceed)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var next = -1;
        var started = Stopwatch.GetTimestamp();

        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var own = latencies[worker] = new List<double>(4096);
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (!proceed(index))
                {
                    break;
                }

                var body = bodies[(int)((uint)index % (uint)bodies.Count)];
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;charset=utf-8");

                var sent = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(url, content);
                await response.Content.ReadAsByteArrayAsync();
                own.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != System.Net.HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(list => list).Order().ToArray();
        return new LoadResult(name, all.Length, failures, elapsed, all);
    }
}
