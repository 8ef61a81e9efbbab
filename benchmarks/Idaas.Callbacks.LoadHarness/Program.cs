using System.Globalization;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.LoadHarness;
using Idaas.Callbacks.Testing;

// Measures the MapIdaasCallbacks endpoint against a baseline endpoint that only validates the token, in one
// run, on one in-process Kestrel server bound to 127.0.0.1. Options: --concurrency N (default 32),
// --duration SECONDS per measured round (default 10), --tokens N distinct signed callbacks (default 2000).
var concurrency = ReadOption(args, "--concurrency", 32);
var duration = TimeSpan.FromSeconds(ReadOption(args, "--duration", 10));
var tokenCount = ReadOption(args, "--tokens", 2000);

const string ApplicationId = "app_loadharness0000000000000";
const string InstanceId = "idaas_loadharness000000000000";

using var key = IdaasSigningKey.Generate();
var bodies = CreateBodies(key, tokenCount);
await using var server = await HarnessServer.StartAsync(key, ApplicationId, InstanceId);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.Address };
var receiver = new Uri(server.Address, HarnessServer.ReceiverPath);
var baseline = new Uri(server.Address, HarnessServer.BaselinePath);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, concurrency {concurrency}, {duration.TotalSeconds} s per round, {tokenCount} distinct callbacks"));

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

var baselineResult = Combine("baseline: JsonWebTokenHandler only", rounds.Where(round => round.Name == "baseline"));
var receiverResult = Combine("receiver: MapIdaasCallbacks", rounds.Where(round => round.Name == "receiver"));
Console.WriteLine("| Endpoint | Requests | Non-200 | Requests/s | Ratio to baseline | p50 ms | p90 ms | p99 ms |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(baselineResult.ToMarkdownRow(baselineResult.RequestsPerSecond));
Console.WriteLine(receiverResult.ToMarkdownRow(baselineResult.RequestsPerSecond));
return receiverResult.Failures == 0 && baselineResult.Failures == 0 ? 0 : 1;

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

// Each callback carries one user:create event with its own event id. After the pool is used up, the same
// bodies come again, and the receiver answers them as duplicates without taking them into the inbox again.
static List<byte[]> CreateBodies(IdaasSigningKey key, int count)
{
    var signer = new CallbackTokenSigner(key);
    var now = DateTimeOffset.UtcNow;
    var bodies = new List<byte[]>(count);
    for (var index = 0; index < count; index++)
    {
        var userId = string.Create(CultureInfo.InvariantCulture, $"user_load{index:D20}");
        var data = new SyncEventBuilder(InstanceId)
            .AddEvent(string.Create(CultureInfo.InvariantCulture, $"evnt_load{index:D33}"), IdaasEventTypes.UserCreated, now, userId, $$"""{"userId":"{{userId}}","username":"load{{index}}","email":"load{{index}}@example.test","status":"enabled"}""")
            .ToJson();
        var token = signer.CreateToken(new CallbackTokenDescriptor { InstanceId = InstanceId, ApplicationId = ApplicationId, IssuedAt = now, PlainData = data });
        bodies.Add(CallbackTokenSigner.CreateRequestBody(token));
    }

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
