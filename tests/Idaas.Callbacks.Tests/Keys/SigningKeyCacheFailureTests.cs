using System.Net;
using Idaas.Callbacks.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class SigningKeyCacheFailureTests
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(10);

    public static TheoryData<string> FailureModes => ["500 html", "200 html", "empty keys", "keys oops", "all unusable", "garbage", "invalid utf-8", "unresolvable host"];

    [Theory]
    [MemberData(nameof(FailureModes))]
    public async Task FailingRefresh_KeepsCachedKeys(string mode)
    {
        await using var harness = await WarmHarnessAsync();
        var loadedAt = harness.Cache.LastSuccessfulRefresh;
        Fail(harness.Stub, mode);
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None);
        var lookup = await harness.Cache.FindAsync("k1", CancellationToken.None);

        refreshed.Should().BeFalse();
        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.Cache.LastSuccessfulRefresh.Should().Be(loadedAt);
        harness.KeyLogs().Should().NotContain(record => record.Message.Contains("Bad gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidUtf8_IsRejectedAsEncodingFailure()
    {
        await using var harness = await WarmHarnessAsync();
        Fail(harness.Stub, "invalid utf-8");

        await harness.Cache.RefreshAsync(CancellationToken.None);

        harness.KeyLogs("JwksResponseRejected").Should().ContainSingle()
            .Which.GetStructuredStateValue("Failure").Should().Be("InvalidEncoding");
    }

    [Theory]
    [MemberData(nameof(FailureModes))]
    public async Task ColdCacheWithFailingEndpoint_ReturnsKeysUnavailable(string mode)
    {
        await using var harness = KeyCacheHarness.WithStub(options => options.PublicKeyEndpoint = new Uri("https://idaas-jwks.invalid/jwks"));
        Fail(harness.Stub, mode);

        var first = await harness.Cache.FindAsync("k1", CancellationToken.None).AsTask().WaitAsync(RealTimeLimit);
        var second = await harness.Cache.FindAsync("k1", CancellationToken.None);

        first.Status.Should().Be(SigningKeyLookupStatus.KeysUnavailable);
        second.Status.Should().Be(SigningKeyLookupStatus.KeysUnavailable);
        harness.Stub.RequestCount.Should().Be(1, "the second lookup falls in the cooldown");
    }

    [Fact]
    public async Task HtmlError_LogsStatusNotBody()
    {
        await using var harness = await WarmHarnessAsync();
        Fail(harness.Stub, "500 html");

        await harness.Cache.RefreshAsync(CancellationToken.None);

        var record = harness.KeyLogs("JwksResponseRejected").Should().ContainSingle().Subject;
        record.Level.Should().Be(LogLevel.Warning);
        record.GetStructuredStateValue("StatusCode").Should().Be("500");
        record.GetStructuredStateValue("ContentType").Should().Be("text/html");
        record.Message.Should().NotContain("Bad gateway");
    }

    [Fact]
    public async Task HtmlLoginPage_LogsContentType()
    {
        await using var harness = await WarmHarnessAsync();
        Fail(harness.Stub, "200 html");

        await harness.Cache.RefreshAsync(CancellationToken.None);

        var record = harness.KeyLogs("JwksDocumentInvalid").Should().ContainSingle().Subject;
        record.GetStructuredStateValue("StatusCode").Should().Be("200");
        record.GetStructuredStateValue("ContentType").Should().Be("text/html");
        record.Message.Should().NotContain("Sign in");
    }

    [Fact]
    public async Task HangingEndpoint_WarmCache_ReturnsUnknownKey()
    {
        await using var harness = await WarmHarnessAsync();
        harness.Stub.Hang();

        var lookup = harness.Cache.FindAsync("k2", CancellationToken.None).AsTask();
        await harness.Stub.WaitForRequestAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(4.9));
        var pendingBeforeTimeout = !lookup.IsCompleted;
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await lookup.WaitAsync(RealTimeLimit);

        pendingBeforeTimeout.Should().BeTrue();
        result.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        (await harness.Cache.FindAsync("k1", CancellationToken.None)).Status.Should().Be(SigningKeyLookupStatus.Found);
    }

    [Fact]
    public async Task HangingEndpoint_ColdCache_ReturnsUnavailable()
    {
        await using var harness = KeyCacheHarness.WithStub(options => options.SigningKeys.FetchTimeout = TimeSpan.FromSeconds(2));
        harness.Stub.Hang();

        var lookup = harness.Cache.FindAsync("k1", CancellationToken.None).AsTask();
        await harness.Stub.WaitForRequestAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        var result = await lookup.WaitAsync(RealTimeLimit);

        result.Status.Should().Be(SigningKeyLookupStatus.KeysUnavailable);
        await harness.WaitForKeyLogAsync("JwksFetchTimedOut");
    }

    [Fact]
    public async Task HandlerIgnoringCancellation_CallerReturnsAtTimeout()
    {
        await using var harness = await WarmHarnessAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Stub.RespondWith(async _ =>
        {
            await gate.Task;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k2"))) };
        });

        var lookup = harness.Cache.FindAsync("k2", CancellationToken.None).AsTask();
        await harness.Stub.WaitForRequestAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        var result = await lookup.WaitAsync(RealTimeLimit);
        gate.SetResult();

        result.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        harness.KeyLogs("RefreshWaitTimedOut").Should().ContainSingle();
        await harness.WaitForKeyLogAsync("JwksFetchTimedOut");
    }

    [Fact]
    public async Task ShorterHttpClientTimeout_CountsAsFailedFetch()
    {
        await using var harness = KeyCacheHarness.WithStub(configureServices: services => services
            .AddHttpClient(SigningKeyServiceCollectionExtensions.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromMilliseconds(50)));
        harness.Stub.Hang();

        var lookup = await harness.Cache.FindAsync("k1", CancellationToken.None).AsTask().WaitAsync(RealTimeLimit);

        lookup.Status.Should().Be(SigningKeyLookupStatus.KeysUnavailable);
        harness.KeyLogs("JwksFetchFailed").Should().ContainSingle().Which.Level.Should().Be(LogLevel.Error);
    }

    [Fact]
    public async Task CallerCancellation_DoesNotCancelSharedFetch()
    {
        await using var harness = await WarmHarnessAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Stub.RespondWithJsonAfter(gate.Task, TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));
        using var impatient = new CancellationTokenSource();

        var cancelled = harness.Cache.FindAsync("k2", impatient.Token).AsTask();
        await harness.Stub.WaitForRequestAsync();
        var patient = harness.Cache.FindAsync("k2", CancellationToken.None).AsTask();
        await impatient.CancelAsync();
        var cancelledOutcome = await cancelled.WaitAsync(RealTimeLimit).ContinueWith(task => task.Status, TaskScheduler.Default);
        gate.SetResult();
        var result = await patient.WaitAsync(RealTimeLimit);

        cancelledOutcome.Should().Be(TaskStatus.Canceled);
        result.Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.Stub.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task AbandonedFetch_StillUpdatesCache()
    {
        await using var harness = await WarmHarnessAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Stub.RespondWithJsonAfter(gate.Task, TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));
        using var impatient = new CancellationTokenSource();
        var abandoned = harness.Cache.FindAsync("k2", impatient.Token).AsTask();
        await harness.Stub.WaitForRequestAsync();
        await impatient.CancelAsync();
        await abandoned.WaitAsync(RealTimeLimit).ContinueWith(_ => { }, TaskScheduler.Default);

        gate.SetResult();
        await harness.WaitForKeyLogAsync("SigningKeysLoaded", count: 2);
        var lookup = await harness.Cache.FindAsync("k2", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        harness.Stub.RequestCount.Should().Be(2);
    }

    [Theory]
    [InlineData("http://idaas-jwks.example.com/jwks")]
    [InlineData("http://10.1.2.3/jwks")]
    [InlineData("ftp://idaas-jwks.example.com/jwks")]
    public async Task NonHttpsEndpoint_IsRejectedWithoutRequest(string url)
    {
        await using var harness = KeyCacheHarness.WithStub(options => options.PublicKeyEndpoint = new Uri(url));
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None);
        var lookup = await harness.Cache.FindAsync("k1", CancellationToken.None);

        refreshed.Should().BeFalse();
        lookup.Status.Should().Be(SigningKeyLookupStatus.KeysUnavailable);
        harness.Stub.RequestCount.Should().Be(0);
        harness.KeyLogs("JwksEndpointNotAllowed").Should().NotBeEmpty().And.OnlyContain(record => record.Level == LogLevel.Error);
    }

    [Fact]
    public async Task DisposedCache_StartsNoFetch()
    {
        await using var harness = await WarmHarnessAsync();
        harness.Cache.Dispose();

        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None);
        var lookup = await harness.Cache.FindAsync("k2", CancellationToken.None);

        refreshed.Should().BeFalse();
        lookup.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        harness.Stub.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Dispose_EndsRunningFetch()
    {
        await using var harness = await WarmHarnessAsync();
        harness.Stub.Hang();
        var lookup = harness.Cache.FindAsync("k2", CancellationToken.None).AsTask();
        await harness.Stub.WaitForRequestAsync();

        harness.Cache.Dispose();
        var result = await lookup.WaitAsync(RealTimeLimit);

        result.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        harness.KeyLogs("JwksFetchTimedOut").Should().BeEmpty("the fetch ended because of the disposal, not the timeout");
    }

    private static void Fail(StubJwksHandler stub, string mode)
    {
        switch (mode)
        {
            case "500 html":
                stub.Respond(HttpStatusCode.InternalServerError, "<html><body>Bad gateway</body></html>", "text/html");
                break;
            case "200 html":
                stub.Respond(HttpStatusCode.OK, "<!doctype html><html><body><form>Sign in</form></body></html>", "text/html");
                break;
            case "empty keys":
                stub.RespondWithJson("""{"keys":[]}""");
                break;
            case "keys oops":
                stub.RespondWithJson("""{"keys":"oops"}""");
                break;
            case "all unusable":
                stub.RespondWithJson("""{"keys":[{"kty":"oct","kid":"k1","k":"c2VjcmV0"},{"kty":"EC","kid":"k1","crv":"P-256"}]}""");
                break;
            case "garbage":
                stub.RespondWith(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x1F, 0x8B, 0x08, 0x00, 0x42]) }));
                break;
            case "invalid utf-8":
                stub.RespondWith(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([.. "{\"keys\":[\""u8, 0xC3, 0x28, .. "\"]}"u8]) }));
                break;
            case "unresolvable host":
                stub.Throw(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (idaas-jwks.invalid:443)"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown failure mode.");
        }
    }

    private static async Task<KeyCacheHarness> WarmHarnessAsync()
    {
        var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1")));
        (await harness.Cache.RefreshAsync(CancellationToken.None)).Should().BeTrue();
        await harness.Stub.WaitForRequestAsync();
        return harness;
    }
}
