using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.Benchmarks;

/// <summary>
/// The cost of receiving one callback, against the floor (one RS256 signature check) and against a naive
/// receiver built from <see cref="JsonWebTokenHandler"/> and reflection-based JSON decoding.
/// </summary>
[MemoryDiagnoser]
public class ReceiveBenchmarks
{
    private IdaasSigningKey _key = null!;
    private ServiceProvider _provider = null!;
    private CallbackReceiver _receiver = null!;
    private RSA _publicKey = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private string _plainToken = null!;
    private byte[] _plainBody = null!;
    private byte[] _encryptedBody = null!;
    private byte[] _batchBody = null!;
    private byte[] _plainTokenBytes = null!;
    private byte[] _oneEventData = null!;
    private CallbackTokenVerifier _verifier = null!;
    private JsonWebTokenHandler _naiveHandler = null!;
    private TokenValidationParameters _naiveParameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = IdaasSigningKey.Generate();
        var encryptionKey = BusinessDataEncryptor.GenerateHexKey();
        var services = new ServiceCollection();
        services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = CallbackPayloads.ApplicationId;
            options.InstanceId = CallbackPayloads.InstanceId;
            options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson(_key);
            options.EncryptionKey = encryptionKey;
            options.AllowUnencryptedCallbacks = true;
        });
        _provider = services.BuildServiceProvider();
        _receiver = _provider.GetRequiredService<CallbackReceiver>();

        var signer = new CallbackTokenSigner(_key);
        var oneEvent = CallbackPayloads.SyncEvent(1);
        _plainToken = signer.CreateToken(Descriptor(oneEvent, cipherData: null));
        _plainBody = CallbackTokenSigner.CreateRequestBody(_plainToken);
        _plainTokenBytes = Encoding.ASCII.GetBytes(_plainToken);
        _oneEventData = Encoding.UTF8.GetBytes(oneEvent);
        _verifier = _provider.GetRequiredService<CallbackTokenVerifier>();
        var cipherData = new BusinessDataEncryptor(encryptionKey).Encrypt(oneEvent);
        _encryptedBody = CallbackTokenSigner.CreateRequestBody(signer.CreateToken(Descriptor(null, cipherData)));
        _batchBody = CallbackTokenSigner.CreateRequestBody(signer.CreateToken(Descriptor(CallbackPayloads.SyncEvent(100), cipherData: null)));

        _publicKey = RSA.Create(_key.Rsa.ExportParameters(includePrivateParameters: false));
        var lastDot = _plainToken.LastIndexOf('.');
        _signingInput = Encoding.ASCII.GetBytes(_plainToken[..lastDot]);
        _signature = System.Buffers.Text.Base64Url.DecodeFromChars(_plainToken.AsSpan(lastDot + 1));

        _naiveHandler = new JsonWebTokenHandler();
        _naiveParameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId },
            ValidIssuer = "urn:alibaba:idaas:app:event",
            ValidAudience = CallbackPayloads.ApplicationId,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(60),
        };

        if (!BareSignatureCheck() || NaiveReceive().Result != 1 || ReceiveOneEvent().Result != 1 || !VerifyOneEventToken().Result
            || DecodeOneEvent() != 1 || ReceiveOneEncryptedEvent().Result != 1 || ReceiveHundredEvents().Result != 100)
        {
            throw new InvalidOperationException("A benchmark case does not accept its callback; fix the setup before measuring.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _publicKey.Dispose();
        _key.Dispose();
    }

    [Benchmark(Baseline = true, Description = "(a) RSA.VerifyData only")]
    public bool BareSignatureCheck()
        => _publicKey.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark(Description = "(b) naive JsonWebTokenHandler + JsonSerializer")]
    public async Task<int> NaiveReceive()
    {
        using var envelope = JsonDocument.Parse(_plainBody);
        var token = envelope.RootElement.GetProperty("event").GetString()!;
        var validation = await _naiveHandler.ValidateTokenAsync(token, _naiveParameters);
        if (!validation.IsValid)
        {
            return 0;
        }

        var plainData = ((JsonWebToken)validation.SecurityToken).GetPayloadValue<JsonElement>("plainData");
        var syncEvent = plainData.Deserialize<NaiveSyncEvent>()!;
        var events = JsonSerializer.Deserialize<List<NaiveEventData>>(syncEvent.eventData)!;
        var count = 0;
        foreach (var eventData in events)
        {
            count += JsonSerializer.Deserialize<NaiveUser>(eventData.bizData) is null ? 0 : 1;
        }

        return count;
    }

    [Benchmark(Description = "(c) CallbackReceiver, 1 event")]
    public async Task<int> ReceiveOneEvent() => (await _receiver.ReceiveAsync(_plainBody)).Events.Count;

    [Benchmark(Description = "(c1) part of (c): token verification")]
    public async Task<bool> VerifyOneEventToken() => (await _verifier.VerifyAsync(_plainTokenBytes, CancellationToken.None)).IsValid;

    [Benchmark(Description = "(c2) part of (c): event decoding")]
    public int DecodeOneEvent()
        => SyncEventDecoder.Decode(_oneEventData, new SyncEventContext(CallbackPayloads.InstanceId, CallbackPayloads.ApplicationId, "jti")).Events.Count;

    [Benchmark(Description = "(d) CallbackReceiver, 1 event, encrypted")]
    public async Task<int> ReceiveOneEncryptedEvent() => (await _receiver.ReceiveAsync(_encryptedBody)).Events.Count;

    [Benchmark(Description = "(e) CallbackReceiver, 100 events")]
    public async Task<int> ReceiveHundredEvents() => (await _receiver.ReceiveAsync(_batchBody)).Events.Count;

    private static CallbackTokenDescriptor Descriptor(string? plainData, string? cipherData) => new()
    {
        InstanceId = CallbackPayloads.InstanceId,
        ApplicationId = CallbackPayloads.ApplicationId,
        IssuedAt = DateTimeOffset.UtcNow,
        Lifetime = TimeSpan.FromHours(6),
        PlainData = plainData,
        CipherData = cipherData,
    };

#pragma warning disable IDE1006, CA1812, SA1300 // Member names follow the wire format for the naive reflection-based decoder.
    private sealed record NaiveSyncEvent(string instanceId, string eventData, string eventVersion, string aliUid);

    private sealed record NaiveEventData(string eventId, string eventType, string eventTime, string bizId, string bizData);

    private sealed record NaiveUser(string userId, string? username, string? displayName, string? email, string? status);
#pragma warning restore IDE1006, CA1812, SA1300
}
