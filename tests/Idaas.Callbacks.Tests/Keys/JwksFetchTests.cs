using System.Text;
using Idaas.Callbacks.Keys;
using Idaas.Callbacks.Keys.Internal;
using Microsoft.AspNetCore.Http;

namespace Idaas.Callbacks.Tests.Keys;

/// <summary>
/// Fetches through the real HTTP handler of the registration from a Kestrel server on loopback.
/// </summary>
public sealed class JwksFetchTests(JwksTestServer server) : IClassFixture<JwksTestServer>
{
    private const int TwentyMegabytes = 20 * 1024 * 1024;

    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    private static readonly string GoodJwks = TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1"));

    [Fact]
    public async Task LoopbackHttpEndpoint_LoadsKeys()
    {
        var url = server.Map(context => WriteAsync(context, 200, "application/json", GoodJwks));
        await using var harness = KeyCacheHarness.WithRealHandler(options => options.PublicKeyEndpoint = url);

        var lookup = await harness.Cache.FindAsync("k1", CancellationToken.None).AsTask().WaitAsync(RealTimeLimit);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        server.Hits(url).Should().Be(1);
    }

    [Theory]
    [InlineData(500, "text/html", "<html><body>Bad gateway</body></html>", "JwksResponseRejected")]
    [InlineData(200, "text/html", "<!doctype html><html><body><form>Sign in</form></body></html>", "JwksDocumentInvalid")]
    [InlineData(200, "application/json", """{"keys":[]}""", "JwksWithoutUsableKeys")]
    [InlineData(200, "application/json", """{"keys":"oops"}""", "JwksDocumentInvalid")]
    public async Task FailingResponse_KeepsCachedKeys(int status, string contentType, string body, string expectedEvent)
    {
        var url = server.Map(context => WriteAsync(context, 200, "application/json", GoodJwks));
        await using var harness = await WarmHarnessAsync(url);
        server.Remap(url, context => WriteAsync(context, status, contentType, body));

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None).WaitAsync(RealTimeLimit);
        var lookup = await harness.Cache.FindAsync("k1", CancellationToken.None);

        refreshed.Should().BeFalse();
        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.KeyLogs(expectedEvent).Should().ContainSingle();
        harness.KeyLogs().Should().NotContain(record => record.Message.Contains(body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HangingEndpoint_KeepsCachedKeysAfterTimeout()
    {
        var url = server.Map(context => WriteAsync(context, 200, "application/json", GoodJwks));
        await using var harness = await WarmHarnessAsync(url);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Remap(url, async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        var lookup = harness.Cache.FindAsync("k2", CancellationToken.None).AsTask();
        await arrived.Task.WaitAsync(RealTimeLimit);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await lookup.WaitAsync(RealTimeLimit);

        result.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        (await harness.Cache.FindAsync("k1", CancellationToken.None)).Status.Should().Be(SigningKeyLookupStatus.Found);
        await harness.WaitForKeyLogAsync("JwksFetchTimedOut");
    }

    [Fact]
    public async Task HugeChunkedBody_IsAbortedAtCap()
    {
        var url = server.Map(context => WriteAsync(context, 200, "application/json", GoodJwks));
        await using var harness = await WarmHarnessAsync(url);
        var bytesSent = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Remap(url, context => StreamAsync(context, TwentyMegabytes, declareLength: false, bytesSent));

        var receivedBeforeFetch = harness.Received.Bytes;

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None).WaitAsync(RealTimeLimit);
        await bytesSent.Task.WaitAsync(RealTimeLimit);
        var received = harness.Received.Bytes - receivedBeforeFetch;

        refreshed.Should().BeFalse();
        received.Should().BeLessThan(1024 * 1024, "the client stops reading once the body passes the 512 KiB cap and does not drain the rest");
        (await harness.Cache.FindAsync("k1", CancellationToken.None)).Status.Should().Be(SigningKeyLookupStatus.Found);
        var record = harness.KeyLogs("JwksResponseRejected").Should().ContainSingle().Subject;
        record.GetStructuredStateValue("Failure").Should().Be(nameof(JwksRetrievalFailure.ResponseTooLarge));
    }

    [Fact]
    public async Task HugeDeclaredBody_IsRejectedBeforeReading()
    {
        var url = server.Map(context => WriteAsync(context, 200, "application/json", GoodJwks));
        await using var harness = await WarmHarnessAsync(url);
        var bytesSent = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Remap(url, context => StreamAsync(context, TwentyMegabytes, declareLength: true, bytesSent));

        var receivedBeforeFetch = harness.Received.Bytes;

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None).WaitAsync(RealTimeLimit);
        await bytesSent.Task.WaitAsync(RealTimeLimit);
        var received = harness.Received.Bytes - receivedBeforeFetch;

        refreshed.Should().BeFalse();
        received.Should().BeLessThan(1024 * 1024, "the Content-Length header alone rejects the response");
        harness.KeyLogs("JwksResponseRejected").Should().ContainSingle()
            .Which.GetStructuredStateValue("Failure").Should().Be(nameof(JwksRetrievalFailure.ResponseTooLarge));
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}{1}")]
    [InlineData("http://localhost:{0}{1}")]
    [InlineData("https://127.0.0.1:{0}{1}")]
    public async Task Redirect_IsNotFollowed(string locationFormat)
    {
        var url = server.Map(context => WriteAsync(context, 200, "application/json", GoodJwks));
        var target = server.Map(context => WriteAsync(context, 200, "application/json", TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k2"))));
        await using var harness = await WarmHarnessAsync(url);
        server.Remap(url, context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = string.Format(System.Globalization.CultureInfo.InvariantCulture, locationFormat, server.Port, target.AbsolutePath);
            return Task.CompletedTask;
        });

        var lookup = await harness.Cache.FindAsync("k2", CancellationToken.None).AsTask().WaitAsync(RealTimeLimit);

        lookup.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        server.Hits(target).Should().Be(0);
        (await harness.Cache.FindAsync("k1", CancellationToken.None)).Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.KeyLogs("JwksResponseRejected").Should().ContainSingle()
            .Which.GetStructuredStateValue("Failure").Should().Be(nameof(JwksRetrievalFailure.Redirect));
    }

    [Fact]
    public async Task LargeJwksOfFortyKeys_IsAccepted()
    {
        var json = LargeJwks(out var keyIds);
        var url = server.Map(context => WriteAsync(context, 200, "application/jwk-set+json", json));
        await using var harness = KeyCacheHarness.WithRealHandler(options => options.PublicKeyEndpoint = url);

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None).WaitAsync(RealTimeLimit);
        var everyKey = await harness.Cache.FindAsync(null, CancellationToken.None);
        var real = await harness.Cache.FindAsync("k-real", CancellationToken.None);

        Encoding.UTF8.GetByteCount(json).Should().BeGreaterThanOrEqualTo(80 * 1024);
        refreshed.Should().BeTrue();
        everyKey.Keys.Select(key => key.KeyId).Should().Equal(keyIds);
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.First, "k-real"), real.Keys)).Should().BeTrue();
        harness.KeyLogs("JwksEntrySkipped").Should().BeEmpty();
    }

    // 39 entries carry random odd 2048-bit moduli, which the parser cannot tell from real keys, because generating
    // 40 real key pairs would take several seconds. Each entry has an x5c-sized blob, as certificate-bearing
    // JWKS entries do, which brings the document past 80 KB.
    private static string LargeJwks(out List<string> keyIds)
    {
        var entries = new List<System.Text.Json.Nodes.JsonNode>();
        keyIds = [];
        for (var i = 0; i < 40; i++)
        {
            var kid = i == 20 ? "k-real" : $"k-{i:D2}";
            var entry = i == 20 ? TestJwks.RsaEntry(TestRsaKeys.First, kid) : FakeRsaEntry(kid);
            entry["x5c"] = new System.Text.Json.Nodes.JsonArray(Convert.ToBase64String(new byte[1400]));
            entries.Add(entry);
            keyIds.Add(kid);
        }

        return TestJwks.Document([.. entries]);
    }

    private static System.Text.Json.Nodes.JsonObject FakeRsaEntry(string kid)
    {
        var modulus = new byte[256];
        Random.Shared.NextBytes(modulus);
        modulus[0] |= 0x80;
        modulus[^1] |= 0x01;
        return new() { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = kid, ["e"] = "AQAB", ["n"] = TestJwks.Encode(modulus) };
    }

    private static async Task<KeyCacheHarness> WarmHarnessAsync(Uri url)
    {
        var harness = KeyCacheHarness.WithRealHandler(options => options.PublicKeyEndpoint = url);
        (await harness.Cache.RefreshAsync(CancellationToken.None).WaitAsync(RealTimeLimit)).Should().BeTrue();
        return harness;
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    private static async Task StreamAsync(HttpContext context, int length, bool declareLength, TaskCompletionSource<long> bytesSent)
    {
        long sent = 0;
        try
        {
            context.Response.ContentType = "application/json";
            if (declareLength)
            {
                context.Response.ContentLength = length;
            }

            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            await context.Response.Body.WriteAsync("{\"keys\":["u8.ToArray(), context.RequestAborted);
            while (sent < length && !context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                sent += chunk.Length;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client closed the connection.
        }
        finally
        {
            bytesSent.TrySetResult(sent);
        }
    }
}
