using System.Text.Json;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests.Support;

/// <summary>
/// A receiver wired through dependency injection with an inline JWKS of generated keys and a fake clock.
/// </summary>
internal sealed class CallbackHarness : IDisposable
{
    public const string InstanceId = "idaas_simtenant01";
    public const string ApplicationId = "app_simapp01";

    private readonly ServiceProvider _provider;

    public CallbackHarness(Action<IdaasCallbackOptions>? configure = null, params IdaasSigningKey[] publishedKeys)
        : this(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), configure, publishedKeys)
    {
    }

    public CallbackHarness(DateTimeOffset start, Action<IdaasCallbackOptions>? configure, params IdaasSigningKey[] publishedKeys)
    {
        Key = IdaasSigningKey.Generate("sim-k1");
        Signer = new CallbackTokenSigner(Key);
        Time = new FakeTimeProvider(start);

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddFakeLogging();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = ApplicationId;
            options.InstanceId = InstanceId;
            options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson([Key, .. publishedKeys]);
            configure?.Invoke(options);
        });
        _provider = services.BuildServiceProvider();
    }

    public IdaasSigningKey Key { get; }

    public CallbackTokenSigner Signer { get; }

    public FakeTimeProvider Time { get; }

    public CallbackReceiver Receiver => _provider.GetRequiredService<CallbackReceiver>();

    public CallbackTokenVerifier Verifier => _provider.GetRequiredService<CallbackTokenVerifier>();

    public IReadOnlyList<FakeLogRecord> Logs => _provider.GetFakeLogCollector().GetSnapshot();

    /// <summary>Returns the business data of one user:create event for user_0001, as JSON object text.</summary>
    public static string UserCreatedData(string eventId = "evnt_0001", long eventTimeMs = 1_764_576_000_000)
    {
        var bizData = JsonSerializer.Serialize(new { userId = "user_0001", username = "rowan.vale", email = "rowan.vale@example.test" });
        var events = JsonSerializer.Serialize(new[]
        {
            new { eventId, eventTime = eventTimeMs.ToString(System.Globalization.CultureInfo.InvariantCulture), bizId = "user_0001", bizData, eventType = "urn:alibaba:idaas:app:event:ud:user:create" },
        });
        return JsonSerializer.Serialize(new { instanceId = InstanceId, eventData = events, eventVersion = "V1.0", aliUid = "1000000000000001" });
    }

    public CallbackTokenDescriptor Descriptor(string? plainData = null) => new()
    {
        InstanceId = InstanceId,
        ApplicationId = ApplicationId,
        IssuedAt = Time.GetUtcNow(),
        TokenId = "jti-0001",
        PlainData = plainData ?? UserCreatedData(),
    };

    public string CreateToken() => Signer.CreateToken(Descriptor());

    /// <summary>Builds a payload like a real token's, for tests that sign raw JSON.</summary>
    public string Payload(string? iat = null, string? exp = null, string extra = "")
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        iat ??= now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        exp ??= (now + 1800).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var members = new List<string>
        {
            "\"iss\":\"urn:alibaba:idaas:app:event\"",
            $"\"sub\":\"{InstanceId}\"",
            $"\"aud\":\"{ApplicationId}\"",
        };
        if (exp.Length > 0)
        {
            members.Add($"\"exp\":{exp}");
        }

        if (iat.Length > 0)
        {
            members.Add($"\"iat\":{iat}");
        }

        members.Add("\"jti\":\"jti-0001\",\"dataEncrypted\":false,\"cipherData\":\"\"");
        members.Add($"\"plainData\":{UserCreatedData()}{extra}");
        return "{" + string.Join(',', members) + "}";
    }

    public string Header(string alg = "RS256", string? kid = "sim-k1")
        => kid is null ? $$"""{"typ":"JWT","alg":"{{alg}}"}""" : $$"""{"kid":"{{kid}}","typ":"JWT","alg":"{{alg}}"}""";

    public string SignRaw(string header, string payload) => CallbackTokenSigner.Sign(header, payload, Key.Rsa);

    public async Task<TokenVerificationResult> VerifyAsync(string token) => await Verifier.VerifyAsync(token);

    public void Dispose()
    {
        _provider.Dispose();
        Key.Dispose();
    }
}
