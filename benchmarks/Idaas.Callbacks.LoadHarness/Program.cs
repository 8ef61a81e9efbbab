using System.Globalization;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.LoadHarness;
using Idaas.Callbacks.Testing;

// Measures the MapIdaasCallbacks endpoint against a baseline endpoint that only validates the token, in one
// run, on one in-process Kestrel server bound to 127.0.0.1. Options: --concurrency N (default 32),
// --duration SECONDS per timed round (default 10), --tokens N callbacks cycled in the timed rounds (default
// 2000), --fresh N new callbacks, each sent once, for the rounds that measure events the receiver takes
// (default 20000).
//
// The scim-list mode lists users of the simulator's SCIM service provider through ScimClient instead. Options:
// --users N seeded users (default 10000), --page-size N (default 100), --rate N requests per second of both
// limits in the limited rounds (default 100).
if (args.Length > 0 && args[0] == "scim-list")
{
    return await ScimListBenchmark.RunAsync(ReadOption(args, "--users", 10_000), ReadOption(args, "--page-size", 100), ReadOption(args, "--rate", 100));
}

var concurrency = ReadOption(args, "--concurrency", 32);
var duration = TimeSpan.FromSeconds(ReadOption(args, "--duration", 10));
var tokenCount = ReadOption(args, "--tokens", 2000);
var freshCount = ReadOption(args, "--fresh", 20000);

const string ApplicationId = "app_loadharness0000000000000";
const string InstanceId = "idaas_loadharness000000000000";

using var key = IdaasSigningKey.Generate();
var bodies = CreateBodies(key, "repeat", tokenCount);
var fresh = CreateBodies(key, "fresh", freshCount);
await using var server = await HarnessServer.StartAsync(key, ApplicationId, InstanceId);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.Address };
var receiver = new Uri(server.Address, HarnessServer.ReceiverPath);
var baseline = new Uri(server.Address, HarnessServer.BaselinePath);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, concurrency {concurrency}, {duration.TotalSeconds} s per timed round, {tokenCount} cycled callbacks, {freshCount} new callbacks"));

// Warm both paths up, then measure in the order baseline, receiver, receiver, baseline, so that a drift in
// machine speed affects both endpoints alike.
await LoadGenerator.RunAsync("warm-up", client, baseline, bodies, concurrency, TimeSpan.FromSeconds(2));
await LoadGenerator.RunAsync("warm-up", client, receiver, bodies, concurrency, TimeSpan.FromSeconds(2));
var rounds = new[]
{
    await LoadGenerator.RunAsync("baseline", client, baseline, bodies, concurrency, duration),
    await LoadGenerator.RunAsync("receiver", client, receiver, bodies, concurrency, duration),
    await LoadGenerator.RunAsync("receiver", client, receiver, bodies, concurrency, duration),
    await LoadGenerator.RunAsync("baseline", client, baseline, bodies, concurrency, duration),
};

// New callbacks: each is sent once to each endpoint, so every receiver request puts an event into the inbox
// and the dispatcher handles it. The halves keep the order baseline, receiver, receiver, baseline.
var firstHalf = fresh.Take(freshCount / 2).ToList();
var secondHalf = fresh.Skip(freshCount / 2).ToList();
var freshRounds = new[]
{
    await LoadGenerator.RunEachOnceAsync("baseline", client, baseline, firstHalf, concurrency),
    await LoadGenerator.RunEachOnceAsync("receiver", client, receiver, firstHalf, concurrency),
    await LoadGenerator.RunEachOnceAsync("receiver", client, receiver, secondHalf, concurrency),
    await LoadGenerator.RunEachOnceAsync("baseline", client, baseline, secondHalf, concurrency),
};

Console.WriteLine();
Console.WriteLine("Cycled callbacks, timed rounds (the receiver answers repeats as duplicates):");
var failed = PrintTable(rounds);
Console.WriteLine();
Console.WriteLine("New callbacks, each sent once (the receiver takes every event into the inbox):");
failed |= PrintTable(freshRounds);
return failed ? 1 : 0;

static bool PrintTable(LoadResult[] rounds)
{
    var baselineResult = Combine("baseline: JsonWebTokenHandler only", rounds.Where(round => round.Name == "baseline"));
    var receiverResult = Combine("receiver: MapIdaasCallbacks", rounds.Where(round => round.Name == "receiver"));
    Console.WriteLine("| Endpoint | Requests | Non-200 | Requests/s | Ratio to baseline | p50 ms | p90 ms | p99 ms |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    Console.WriteLine(baselineResult.ToMarkdownRow(baselineResult.RequestsPerSecond));
    Console.WriteLine(receiverResult.ToMarkdownRow(baselineResult.RequestsPerSecond));
    return receiverResult.Failures > 0 || baselineResult.Failures > 0;
}

static LoadResult Combine(string name, IEnumerable<LoadResult> results)
{
    var list = results.ToList();
    return new LoadResult(
        name,
        list.Sum(result => result.Requests),
        list.Sum(result => result.Failures),
        TimeSpan.FromTicks(list.Sum(result => result.Elapsed.Ticks)),
        [.. list.SelectMany(result => result.LatenciesMs).Order()]);
}

// Each callback carries one user:create event with its own event id, signed on all cores in parallel.
static byte[][] CreateBodies(IdaasSigningKey key, string prefix, int count)
{
    var signer = new CallbackTokenSigner(key);
    var now = DateTimeOffset.UtcNow;
    var bodies = new byte[count][];
    Parallel.For(0, count, index =>
    {
        var userId = string.Create(CultureInfo.InvariantCulture, $"user_{prefix}{index:D20}");
        var data = new SyncEventBuilder(InstanceId)
            .AddEvent(string.Create(CultureInfo.InvariantCulture, $"evnt_{prefix}{index:D30}"), IdaasEventTypes.UserCreated, now, userId, $$"""{"userId":"{{userId}}","username":"{{prefix}}{{index}}","email":"{{prefix}}{{index}}@example.test","status":"enabled"}""")
            .ToJson();
        var token = signer.CreateToken(new CallbackTokenDescriptor { InstanceId = InstanceId, ApplicationId = ApplicationId, IssuedAt = now, PlainData = data });
        bodies[index] = CallbackTokenSigner.CreateRequestBody(token);
    });

    return bodies;
}

static int ReadOption(string[] args, string name, int defaultValue)
{
    var index = Array.IndexOf(args, name);
    if (index < 0)
    {
        return defaultValue;
    }

    if (index + 1 >= args.Length || !int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) || value <= 0)
    {
        throw new ArgumentException($"{name} needs a positive whole number, for example {name} {defaultValue}.");
    }

    return value;
}
