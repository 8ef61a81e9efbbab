using System.Text.Json.Nodes;
using Idaas.Callbacks.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class SigningKeyCacheLookupTests
{
    [Fact]
    public async Task KnownKid_ReturnsOnlyItsRsaKey()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "k1"),
            TestJwks.RsaEntry(TestRsaKeys.Second, "k2")));

        var lookup = await harness.Cache.FindAsync("k1", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        var key = lookup.Keys.Should().ContainSingle().Which.Should().BeOfType<RsaSecurityKey>().Subject;
        key.KeyId.Should().Be("k1");
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.First, "k1"), lookup.Keys)).Should().BeTrue();
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.Second, "k1"), lookup.Keys)).Should().BeFalse();
    }

    [Fact]
    public async Task KidIsMatchedCaseSensitively()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "Key-1")));
        await harness.Cache.RefreshAsync(CancellationToken.None);

        var lookup = await harness.Cache.FindAsync("key-1", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        lookup.Keys.Should().BeEmpty();
    }

    [Fact]
    public async Task TokenWithoutKid_GetsEveryKey()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "k1"),
            TestJwks.RsaEntry(TestRsaKeys.Second, kid: null)));
        await harness.Cache.RefreshAsync(CancellationToken.None);

        var lookup = await harness.Cache.FindAsync(null, CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        lookup.Keys.Should().HaveCount(2);
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.Second, kid: null), lookup.Keys)).Should().BeTrue();
    }

    [Fact]
    public async Task KeyWithoutKid_NeverMatchesNamedKid()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "k1"),
            TestJwks.RsaEntry(TestRsaKeys.Second, kid: null)));
        await harness.Cache.RefreshAsync(CancellationToken.None);

        var lookup = await harness.Cache.FindAsync("k1", CancellationToken.None);

        lookup.Keys.Should().ContainSingle();
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.Second, "k1"), lookup.Keys)).Should().BeFalse();
    }

    [Fact]
    public async Task DuplicateKid_ServesOnlyRsaSigningEntry()
    {
        await using var harness = KeyCacheHarness.WithStub();
        var ecEntry = JsonNode.Parse("""
            {"kty":"EC","crv":"P-256","use":"sig","kid":"k-dup",
             "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}
            """)!;
        harness.Stub.RespondWithJson(TestJwks.Document(
            ecEntry,
            TestJwks.RsaEntry(TestRsaKeys.Second, "k-dup", use: "enc"),
            TestJwks.RsaEntry(TestRsaKeys.First, "k-dup")));

        var lookup = await harness.Cache.FindAsync("k-dup", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        lookup.Keys.Should().ContainSingle();
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.First, "k-dup"), lookup.Keys)).Should().BeTrue();
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.Second, "k-dup"), lookup.Keys)).Should().BeFalse();
        harness.KeyLogs("JwksEntrySkipped").Should().HaveCount(2);
    }

    [Fact]
    public async Task DuplicateKid_KeepsEveryRsaSigningEntry()
    {
        await using var harness = KeyCacheHarness.WithStub();
        harness.Stub.RespondWithJson(TestJwks.Document(
            TestJwks.RsaEntry(TestRsaKeys.First, "k-dup"),
            TestJwks.RsaEntry(TestRsaKeys.Second, "k-dup")));

        var lookup = await harness.Cache.FindAsync("k-dup", CancellationToken.None);

        lookup.Keys.Should().HaveCount(2);
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.First, "k-dup"), lookup.Keys)).Should().BeTrue();
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.Second, "k-dup"), lookup.Keys)).Should().BeTrue();
    }

    [Fact]
    public async Task MixedJwks_SkipsEachBadEntryOnce()
    {
        await using var harness = KeyCacheHarness.WithStub();
        var modulus = TestJwks.RsaEntry(TestRsaKeys.Second, "x")["n"]!.GetValue<string>();
        harness.Stub.RespondWithJson(TestJwks.Document(
            JsonNode.Parse("""{"kty":"AKP","alg":"ML-DSA-65","kid":"pq-1","pub":"AAAA"}""")!,
            JsonNode.Parse($$"""{"kty":"RSA","kid":"bad-1","e":"AQAB","n":"{{modulus}}=="}""")!,
            JsonNode.Parse("""{"kty":"EC","crv":"P-256","kid":"ec-1","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"}""")!,
            JsonNode.Parse("""{"kty":"oct","kid":"sym-1","k":"c2VjcmV0"}""")!,
            TestJwks.RsaEntry(TestRsaKeys.Second, "sim-k1", use: "enc"),
            TestJwks.RsaEntry(TestRsaKeys.First, "sim-k1")));

        var lookup = await harness.Cache.FindAsync("sim-k1", CancellationToken.None);
        var symmetric = await harness.Cache.FindAsync("sym-1", CancellationToken.None);
        var everyKey = await harness.Cache.FindAsync(null, CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.Found);
        (await TestJwks.VerifiesWithAnyAsync(TestJwks.Sign(TestRsaKeys.First, "sim-k1"), lookup.Keys)).Should().BeTrue();
        symmetric.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        everyKey.Keys.Should().ContainSingle().Which.Should().BeOfType<RsaSecurityKey>();
        var skipped = harness.KeyLogs("JwksEntrySkipped");
        skipped.Should().HaveCount(5, "the second fetch, triggered by sym-1, falls in the cooldown");
        skipped.Select(record => record.GetStructuredStateValue("KeyId"))
            .Should().Equal("pq-1", "bad-1", "ec-1", "sym-1", "sim-k1");
        skipped.Should().OnlyContain(record => record.Level == LogLevel.Warning);
        skipped.Should().NotContain(record => record.Message.Contains("c2VjcmV0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InlineJwks_IsNeverFetched()
    {
        await using var harness = KeyCacheHarness.WithStub(options =>
        {
            options.PublicKeyEndpoint = null;
            options.JsonWebKeySet = TestJwks.Document(TestJwks.RsaEntry(TestRsaKeys.First, "k1"));
        });

        var known = await harness.Cache.FindAsync("k1", CancellationToken.None);
        var unknown = await harness.Cache.FindAsync("k9", CancellationToken.None);
        var refreshed = await harness.Cache.RefreshAsync(CancellationToken.None);

        known.Status.Should().Be(SigningKeyLookupStatus.Found);
        unknown.Status.Should().Be(SigningKeyLookupStatus.UnknownKey);
        refreshed.Should().BeTrue();
        harness.Stub.RequestCount.Should().Be(0);
        harness.Cache.LastSuccessfulRefresh.Should().Be(harness.Time.GetUtcNow());
    }

    [Theory]
    [InlineData("""{"keys":[]}""")]
    [InlineData("""{"keys":[{"kty":"oct","kid":"sym-1","k":"c2VjcmV0"}]}""")]
    [InlineData("not json")]
    public async Task InlineJwksWithoutUsableKey_ReturnsKeysUnavailable(string json)
    {
        await using var harness = KeyCacheHarness.WithStub(options =>
        {
            options.PublicKeyEndpoint = null;
            options.JsonWebKeySet = json;
        });

        var lookup = await harness.Cache.FindAsync("sym-1", CancellationToken.None);

        lookup.Status.Should().Be(SigningKeyLookupStatus.KeysUnavailable);
        harness.Cache.LastSuccessfulRefresh.Should().BeNull();
        harness.KeyLogs("InlineJwksUnusable").Should().ContainSingle().Which.Level.Should().Be(LogLevel.Error);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(false, " ")]
    [InlineData(true, """{"keys":[]}""")]
    public void Constructor_WithoutExactlyOneSource_Throws(bool setEndpoint, string? inlineJwks)
    {
        var options = new IdaasCallbackOptions
        {
            ApplicationId = "app_test",
            PublicKeyEndpoint = setEndpoint ? new Uri(KeyCacheHarness.StubEndpoint) : null,
            JsonWebKeySet = inlineJwks,
        };

        var create = () => new SigningKeyCache(Options.Create(options), new NoHttpClientFactory(), new FakeTimeProvider(), NullLogger<SigningKeyCache>.Instance);

        create.Should().Throw<InvalidOperationException>().WithMessage("*PublicKeyEndpoint*JsonWebKeySet*");
    }

    [Fact]
    public void Constructor_RelativeEndpoint_Throws()
    {
        var options = new IdaasCallbackOptions { ApplicationId = "app_test", PublicKeyEndpoint = new Uri("/jwks", UriKind.Relative) };

        var create = () => new SigningKeyCache(Options.Create(options), new NoHttpClientFactory(), new FakeTimeProvider(), NullLogger<SigningKeyCache>.Instance);

        create.Should().Throw<InvalidOperationException>().WithMessage("*absolute*'/jwks'*");
    }

    [Fact]
    public void Constructor_NonPositiveFetchTimeout_Throws()
    {
        var options = new IdaasCallbackOptions { ApplicationId = "app_test", PublicKeyEndpoint = new Uri(KeyCacheHarness.StubEndpoint) };
        options.SigningKeys.FetchTimeout = TimeSpan.Zero;

        var create = () => new SigningKeyCache(Options.Create(options), new NoHttpClientFactory(), new FakeTimeProvider(), NullLogger<SigningKeyCache>.Instance);

        create.Should().Throw<InvalidOperationException>().WithMessage("*FetchTimeout*00:00:00*");
    }

    private sealed class NoHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No request is expected.");
    }
}
