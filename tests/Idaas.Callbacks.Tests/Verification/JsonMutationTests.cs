using System.Text;
using Idaas.Callbacks.Keys.Internal;
using Idaas.Callbacks.Testing;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.Tests.Verification;

/// <summary>
/// Random changes to the JSON inside a validly signed token, inside encrypted data and inside a JWKS must end
/// in a result, never an exception. The seed is fixed, so a failure repeats.
/// </summary>
public sealed class JsonMutationTests
{
    private static readonly string[] Insertions = ["\\ud800", "\\udc00", "\\u0000", "\"", "\\", "{", "}", "[", "]", ",", ":", "1e400", "null", "\u00ff"];

    [Fact]
    public async Task Mutated_claims_never_throw()
    {
        using var harness = new CallbackHarness();
        var random = new Random(20261204);
        var payload = harness.Payload();

        for (var iteration = 0; iteration < 400; iteration++)
        {
            var token = harness.SignRaw(harness.Header(), Mutate(payload, random));

            var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

            (result.IsAccepted || result.RejectionReason is not null).Should().BeTrue();
        }
    }

    [Fact]
    public async Task Mutated_encrypted_data_never_throws()
    {
        var key = BusinessDataEncryptor.GenerateHexKey();
        using var harness = new CallbackHarness(options => options.EncryptionKey = key);
        var encryptor = new BusinessDataEncryptor(key);
        var random = new Random(20261205);
        var data = CallbackHarness.UserCreatedData();

        for (var iteration = 0; iteration < 400; iteration++)
        {
            var cipherData = encryptor.Encrypt(Mutate(data, random));
            var token = harness.Signer.CreateToken(harness.Descriptor() with { PlainData = null, CipherData = cipherData });

            var result = await harness.Receiver.ReceiveAsync(CallbackTokenSigner.CreateRequestBody(token));

            (result.IsAccepted || result.RejectionReason is not null).Should().BeTrue();
        }
    }

    [Fact]
    public void Mutated_key_sets_never_throw()
    {
        using var key = IdaasSigningKey.Generate("sim-k1");
        var document = IdaasJsonWebKeySet.ToJson(key);
        var random = new Random(20261206);

        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var result = JwksParser.Parse(Mutate(document, random));

            (result.DocumentError is not null || result.EntryCount >= 0).Should().BeTrue();
        }
    }

    private static string Mutate(string json, Random random)
    {
        var builder = new StringBuilder(json);
        var changes = random.Next(1, 4);
        for (var change = 0; change < changes; change++)
        {
            var position = random.Next(builder.Length);
            switch (random.Next(3))
            {
                case 0:
                    builder.Insert(position, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 1:
                    builder.Remove(position, 1);
                    break;
                default:
                    builder[position] = (char)random.Next(0x20, 0x7F);
                    break;
            }
        }

        return builder.ToString();
    }
}
