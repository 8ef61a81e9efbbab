using System.Buffers.Text;
using System.Text.Json;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>
/// The simulator's JWS, JWE and SyncEvent output compared with a real IDaaS token, an encrypted 2022 user-delete
/// callback: the same member names and order, JSON types and encodings, with only the values differing.
/// </summary>
public sealed class RealTokenWireShapeTests : IDisposable
{
    private const string KeyIdPattern = "^KEY[A-Za-z0-9]{33}$";
    private const string Base64UrlPattern = "^[A-Za-z0-9_-]*$";

    private static readonly RealIdaasToken Real = RealIdaasToken.Instance;

    private readonly SimulatorSigningKeys _keys = new();
    private readonly SimulatorOptions _options = new()
    {
        EncryptionKeyHex = BusinessDataEncryptor.GenerateHexKey(),
        WireFormat = SimulatorWireFormat.Legacy2022,
    };

    public void Dispose() => _keys.Dispose();

    /// <summary>Creates a simulator token of the same kind as the real one: a user deleted in the 2022 wire format.</summary>
    private string CreateSimulatorDeleteToken(bool encrypted = true)
    {
        var options = encrypted ? _options : new SimulatorOptions { WireFormat = SimulatorWireFormat.Legacy2022 };
        var directory = new SimulatorDirectory(options);
        var userId = directory.CreateUser("alice", "Alice", "alice@example.com").ObjectId;
        var deleted = directory.DeleteUser(userId);
        return new SimulatorCallbackFactory(options, _keys).CreateToken(deleted.Events);
    }

    private static JsonElement DecodeSegment(string compact, int index)
    {
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(compact.Split('.')[index]));
        return document.RootElement.Clone();
    }

    private static string DecodeSegmentText(string compact, int index)
        => System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(compact.Split('.')[index]));

    [Fact]
    public void JwsHeader_MatchesRealHeader()
    {
        var simulatorToken = CreateSimulatorDeleteToken();

        var real = DecodeSegment(Real.Token, 0);
        var simulator = DecodeSegment(simulatorToken, 0);

        JsonShape.MemberNames(simulator).Should().Equal(JsonShape.MemberNames(real));
        JsonShape.Describe(simulator).Should().Be(JsonShape.Describe(real));
        real.GetProperty("kid").GetString().Should().MatchRegex(KeyIdPattern);
        simulator.GetProperty("kid").GetString().Should().MatchRegex(KeyIdPattern);
        simulator.GetProperty("typ").GetString().Should().Be(real.GetProperty("typ").GetString());
        simulator.GetProperty("alg").GetString().Should().Be(real.GetProperty("alg").GetString());
    }

    [Fact]
    public void JwsHeader_SameTextApartFromKid()
    {
        var simulatorToken = CreateSimulatorDeleteToken();

        var realText = DecodeSegmentText(Real.Token, 0).Replace(DecodeSegment(Real.Token, 0).GetProperty("kid").GetString()!, "KID", StringComparison.Ordinal);
        var simulatorText = DecodeSegmentText(simulatorToken, 0).Replace(_keys.Current.KeyId, "KID", StringComparison.Ordinal);

        simulatorText.Should().Be(realText);
    }

    [Fact]
    public void Claims_MatchRealNamesOrderAndTypes()
    {
        var simulatorToken = CreateSimulatorDeleteToken();

        var real = DecodeSegment(Real.Token, 1);
        var simulator = DecodeSegment(simulatorToken, 1);

        JsonShape.MemberNames(simulator).Should().Equal(JsonShape.MemberNames(real));
        JsonShape.Describe(simulator).Should().Be(JsonShape.Describe(real));
        simulator.GetProperty("iss").GetString().Should().Be(real.GetProperty("iss").GetString());
        simulator.GetProperty("dataEncrypted").ValueKind.Should().Be(JsonValueKind.True);
        simulator.GetProperty("plainData").GetString().Should().Be(real.GetProperty("plainData").GetString()).And.BeEmpty();
        Lifetime(simulator).Should().Be(Lifetime(real));
    }

    [Theory]
    [InlineData("sub", "^idaas_[a-z2-7]{26}$")]
    [InlineData("aud", "^app_[a-z2-7]{26}$")]
    [InlineData("jti", "^[A-Za-z0-9_-]{22}$")]
    public void Claims_IdsMatchRealFormat(string claim, string pattern)
    {
        var simulatorToken = CreateSimulatorDeleteToken();

        var realValue = DecodeSegment(Real.Token, 1).GetProperty(claim).GetString();
        var simulatorValue = DecodeSegment(simulatorToken, 1).GetProperty(claim).GetString();

        realValue.Should().MatchRegex(pattern);
        simulatorValue.Should().MatchRegex(pattern);
    }

    [Fact]
    public void Unencrypted_PlainDataHasRealSyncEventShape()
    {
        var simulatorToken = CreateSimulatorDeleteToken(encrypted: false);
        var real = DecodeSegment(Real.Token, 1);
        using var realSyncEvent = JsonDocument.Parse(CompactJwe.Decrypt(real.GetProperty("cipherData").GetString()!, Real.EncryptionKeyHex));

        var simulator = DecodeSegment(simulatorToken, 1);

        JsonShape.MemberNames(simulator).Should().Equal(JsonShape.MemberNames(real));
        simulator.GetProperty("dataEncrypted").ValueKind.Should().Be(JsonValueKind.False);
        simulator.GetProperty("cipherData").GetString().Should().BeEmpty();
        simulator.GetProperty("plainData").ValueKind.Should().Be(JsonValueKind.Object);
        JsonShape.Describe(simulator.GetProperty("plainData"), "eventData", "bizData")
            .Should().Be(JsonShape.Describe(realSyncEvent.RootElement, "eventData", "bizData"));
    }

    [Fact]
    public void CipherData_MatchesRealJweLayout()
    {
        var simulatorToken = CreateSimulatorDeleteToken();

        var real = DecodeSegment(Real.Token, 1).GetProperty("cipherData").GetString()!;
        var simulator = DecodeSegment(simulatorToken, 1).GetProperty("cipherData").GetString()!;

        foreach (var compact in new[] { real, simulator })
        {
            var segments = compact.Split('.');
            segments.Should().HaveCount(5);
            segments.Should().AllSatisfy(segment => segment.Should().MatchRegex(Base64UrlPattern));
            JsonShape.MemberNames(DecodeSegment(compact, 0)).Should().Equal("alg", "enc");
            DecodeSegment(compact, 0).GetProperty("alg").GetString().Should().Be("dir");
            DecodeSegment(compact, 0).GetProperty("enc").GetString().Should().Be("A256GCM");
            segments[1].Should().BeEmpty("dir sends no encrypted key");
            Base64Url.DecodeFromChars(segments[2]).Should().HaveCount(12, "the IV is 12 bytes");
            Base64Url.DecodeFromChars(segments[4]).Should().HaveCount(16, "the tag is 16 bytes");
        }

        simulator.Split('.')[0].Should().Be(real.Split('.')[0]);
        DecodeSegmentText(simulator, 0).Should().Be(DecodeSegmentText(real, 0));
    }

    [Fact]
    public void CipherData_CiphertextIsPlaintextLength()
    {
        var simulatorToken = CreateSimulatorDeleteToken();
        var real = DecodeSegment(Real.Token, 1).GetProperty("cipherData").GetString()!;
        var simulator = DecodeSegment(simulatorToken, 1).GetProperty("cipherData").GetString()!;

        var realPlaintext = CompactJwe.Decrypt(real, Real.EncryptionKeyHex);
        var simulatorPlaintext = CompactJwe.Decrypt(simulator, _options.EncryptionKeyHex!);

        Base64Url.DecodeFromChars(real.Split('.')[3]).Should().HaveCount(System.Text.Encoding.UTF8.GetByteCount(realPlaintext));
        Base64Url.DecodeFromChars(simulator.Split('.')[3]).Should().HaveCount(System.Text.Encoding.UTF8.GetByteCount(simulatorPlaintext));
    }

    [Fact]
    public void SyncEvent_MatchesRealShape()
    {
        var simulatorToken = CreateSimulatorDeleteToken();

        using var real = JsonDocument.Parse(CompactJwe.Decrypt(DecodeSegment(Real.Token, 1).GetProperty("cipherData").GetString()!, Real.EncryptionKeyHex));
        using var simulator = JsonDocument.Parse(CompactJwe.Decrypt(DecodeSegment(simulatorToken, 1).GetProperty("cipherData").GetString()!, _options.EncryptionKeyHex!));

        JsonShape.MemberNames(simulator.RootElement).Should().Equal("instanceId", "eventData", "eventVersion", "aliUid");
        JsonShape.MemberNames(simulator.RootElement).Should().Equal(JsonShape.MemberNames(real.RootElement));

        // eventData and bizData are strings that contain JSON, so the description includes what they contain.
        JsonShape.Describe(simulator.RootElement, "eventData", "bizData").Should().Be(JsonShape.Describe(real.RootElement, "eventData", "bizData"));
        simulator.RootElement.GetProperty("eventVersion").GetString().Should().Be(real.RootElement.GetProperty("eventVersion").GetString());
        simulator.RootElement.GetProperty("aliUid").GetString().Should().MatchRegex("^[0-9]+$");
        real.RootElement.GetProperty("aliUid").GetString().Should().MatchRegex("^[0-9]+$");
    }

    [Fact]
    public void LegacyDeleteEvent_MatchesRealEvent()
    {
        var simulatorToken = CreateSimulatorDeleteToken();
        using var realSyncEvent = JsonDocument.Parse(CompactJwe.Decrypt(DecodeSegment(Real.Token, 1).GetProperty("cipherData").GetString()!, Real.EncryptionKeyHex));
        using var simulatorSyncEvent = JsonDocument.Parse(CompactJwe.Decrypt(DecodeSegment(simulatorToken, 1).GetProperty("cipherData").GetString()!, _options.EncryptionKeyHex!));

        using var realEvents = JsonDocument.Parse(realSyncEvent.RootElement.GetProperty("eventData").GetString()!);
        using var simulatorEvents = JsonDocument.Parse(simulatorSyncEvent.RootElement.GetProperty("eventData").GetString()!);
        var real = realEvents.RootElement.EnumerateArray().Single();
        var simulator = simulatorEvents.RootElement.EnumerateArray().Single();
        using var realBizData = JsonDocument.Parse(real.GetProperty("bizData").GetString()!);
        using var simulatorBizData = JsonDocument.Parse(simulator.GetProperty("bizData").GetString()!);

        JsonShape.MemberNames(simulator).Should().Equal("eventId", "eventTime", "bizId", "bizData", "eventType");
        JsonShape.MemberNames(simulator).Should().Equal(JsonShape.MemberNames(real));
        simulator.GetProperty("eventType").GetString().Should().Be(real.GetProperty("eventType").GetString()).And.Be(IdaasEventTypes.UserDeleted);
        JsonShape.Describe(simulatorBizData.RootElement).Should().Be(JsonShape.Describe(realBizData.RootElement)).And.Be("""{"userId":string}""");
        simulatorBizData.RootElement.GetProperty("userId").GetString().Should().Be(simulator.GetProperty("bizId").GetString());
        realBizData.RootElement.GetProperty("userId").GetString().Should().Be(real.GetProperty("bizId").GetString());
        simulator.GetProperty("eventTime").GetString().Should().MatchRegex("^[0-9]{13}$");
        real.GetProperty("eventTime").GetString().Should().MatchRegex("^[0-9]{13}$");
        simulator.GetProperty("bizId").GetString().Should().MatchRegex("^user_[a-z2-7]{26}$");
        real.GetProperty("bizId").GetString().Should().MatchRegex("^user_[a-z2-7]{26}$");
    }

    [Fact]
    public void EventId_MatchesRealLength()
    {
        var simulatorToken = CreateSimulatorDeleteToken();
        using var realSyncEvent = JsonDocument.Parse(CompactJwe.Decrypt(DecodeSegment(Real.Token, 1).GetProperty("cipherData").GetString()!, Real.EncryptionKeyHex));
        using var simulatorSyncEvent = JsonDocument.Parse(CompactJwe.Decrypt(DecodeSegment(simulatorToken, 1).GetProperty("cipherData").GetString()!, _options.EncryptionKeyHex!));

        var realEventId = FirstEventId(realSyncEvent.RootElement);
        var simulatorEventId = FirstEventId(simulatorSyncEvent.RootElement);

        realEventId.Should().MatchRegex("^evnt_[a-z2-7]+$");
        simulatorEventId.Should().MatchRegex("^evnt_[a-z2-7]+$");
        simulatorEventId.Should().HaveLength(realEventId.Length);
    }

    [Fact]
    public void SyncEvent_UsesRealEscaping()
    {
        var simulatorToken = CreateSimulatorDeleteToken();

        var real = CompactJwe.Decrypt(DecodeSegment(Real.Token, 1).GetProperty("cipherData").GetString()!, Real.EncryptionKeyHex);
        var simulator = CompactJwe.Decrypt(DecodeSegment(simulatorToken, 1).GetProperty("cipherData").GetString()!, _options.EncryptionKeyHex!);

        // Real data is compact JSON whose nested quotes are escaped as \" rather than as \u0022.
        foreach (var text in new[] { real, simulator })
        {
            text.Should().StartWith("{\"instanceId\":\"");
            text.Should().Contain("\"eventData\":\"[{\\\"eventId\\\":\\\"evnt_");
            text.Should().Contain("\\\"bizData\\\":\\\"{\\\\\\\"userId\\\\\\\":\\\\\\\"user_");
            text.Should().NotContain("\\u0022");
            text.Should().NotContainAny("\n", "\": ", ", ");
        }
    }

    [Fact]
    public void Jwks_MatchesRealKeyShape()
    {
        using var realJwks = JsonDocument.Parse(Real.JsonWebKeySet);
        using var simulatorJwks = JsonDocument.Parse(_keys.ToJwksJson());

        var real = realJwks.RootElement.GetProperty("keys").EnumerateArray().Single();
        var simulator = simulatorJwks.RootElement.GetProperty("keys").EnumerateArray().Single();

        JsonShape.MemberNames(simulatorJwks.RootElement).Should().Equal(JsonShape.MemberNames(realJwks.RootElement));
        JsonShape.MemberNames(simulator).Should().Equal(JsonShape.MemberNames(real));
        JsonShape.Describe(simulator).Should().Be(JsonShape.Describe(real));
        foreach (var member in new[] { "kty", "e", "use" })
        {
            simulator.GetProperty(member).GetString().Should().Be(real.GetProperty(member).GetString(), member);
        }

        simulator.GetProperty("kid").GetString().Should().MatchRegex(KeyIdPattern);
        simulator.GetProperty("n").GetString().Should().MatchRegex(Base64UrlPattern);
        Base64Url.DecodeFromChars(simulator.GetProperty("n").GetString()).Should().HaveCount(Base64Url.DecodeFromChars(real.GetProperty("n").GetString()).Length);
    }

    [Fact]
    public async Task SdkReceiver_DecodesBothToSameEvent()
    {
        var simulatorToken = CreateSimulatorDeleteToken();
        var realClaims = DecodeSegment(Real.Token, 1);

        // The real token expired in 2022, so its receiver's clock is set inside the token's lifetime.
        var realTime = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(realClaims.GetProperty("iat").GetInt64()));
        var realEvent = await ReceiveSingleAsync(Real.Token, realClaims.GetProperty("aud").GetString()!, Real.JsonWebKeySet, Real.EncryptionKeyHex, realTime);
        var simulatorEvent = await ReceiveSingleAsync(simulatorToken, _options.ApplicationId, _keys.ToJwksJson(), _options.EncryptionKeyHex!, TimeProvider.System);

        var real = realEvent.Should().BeOfType<UserDeletedEvent>().Subject;
        var simulator = simulatorEvent.Should().BeOfType<UserDeletedEvent>().Subject;
        simulator.User.UserId.Should().Be(simulator.BusinessId);
        real.User.UserId.Should().Be(real.BusinessId);
        simulator.User.Username.Should().BeNull();
        real.User.Username.Should().BeNull();
    }

    private static async Task<IdaasEvent> ReceiveSingleAsync(string token, string applicationId, string jwks, string encryptionKeyHex, TimeProvider timeProvider)
    {
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = applicationId;
            options.JsonWebKeySet = jwks;
            options.EncryptionKey = encryptionKeyHex;
        });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<CallbackReceiver>().ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

        result.IsAccepted.Should().BeTrue(result.RejectionMessage);
        result.FailedEvents.Should().BeEmpty();
        return result.Events.Should().ContainSingle().Subject;
    }

    private static long Lifetime(JsonElement claims) => claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64();

    private static string FirstEventId(JsonElement syncEvent)
    {
        using var events = JsonDocument.Parse(syncEvent.GetProperty("eventData").GetString()!);
        return events.RootElement[0].GetProperty("eventId").GetString()!;
    }
}
