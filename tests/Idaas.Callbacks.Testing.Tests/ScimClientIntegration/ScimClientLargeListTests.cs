namespace Idaas.Callbacks.Testing.Tests.ScimClientIntegration;

/// <summary>Listing a large directory through both rate limits, on a fake clock so that no test waits.</summary>
public sealed class ScimClientLargeListTests
{
    [Fact]
    public async Task List_TenThousandUsersAtRateLimit()
    {
        await using var harness = new ScimClientHarness(serverRequestsPerSecond: 100);
        var client = harness.CreateClient(options =>
        {
            // The token request counts against the simulator's limit too.
            ScimClientHarness.UseClientCredentials(options);
            options.RequestsPerSecond = 100;
        });
        for (var i = 0; i < 10_000; i++)
        {
            harness.Simulator.Directory.CreateUser($"bulk{i:D5}@example.test");
        }

        var count = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var user in client.ListUsersAsync(pageSize: 100))
        {
            count++;
            ids.Add(user.Id!);
        }

        // A second listing right away runs at the steady rate, past the first second's allowance.
        var second = await client.ListUsersAsync(pageSize: 100).CountAsync();

        count.Should().Be(10_000);
        ids.Should().HaveCount(10_000);
        harness.Recorder!.StatusCodes.Count(status => status == 429).Should().Be(0, "a client limited to the server's rate is never throttled");
        harness.Recorder.Requests.Count.Should().Be(201, "one token request and 100 pages for each listing");
        second.Should().Be(10_000);
    }
}
