using System.Text.Json;
using System.Text.RegularExpressions;

namespace Idaas.Callbacks.Testing.Tests;

public partial class SimulatorSigningKeysTests
{
    [GeneratedRegex("^KEY[A-Za-z0-9]{33}$")]
    private static partial Regex IdaasKeyId();

    [Fact]
    public void New_PublishesOneSigningKey()
    {
        using var keys = new SimulatorSigningKeys();

        keys.Published.Should().ContainSingle();
        keys.Published[0].Should().BeSameAs(keys.Current);
        keys.Current.Rsa.KeySize.Should().Be(2048);
        keys.Current.KeyId.Should().MatchRegex(IdaasKeyId().ToString());
    }

    [Fact]
    public void PublishNewKey_AppendsWithoutSigning()
    {
        using var keys = new SimulatorSigningKeys();
        var first = keys.Current;

        var second = keys.PublishNewKey();

        keys.Current.Should().BeSameAs(first);
        keys.Published.Should().Equal(first, second);
        second.KeyId.Should().NotBe(first.KeyId);
    }

    [Fact]
    public void SwitchSigningTo_PublishedKey_ChangesCurrent()
    {
        using var keys = new SimulatorSigningKeys();
        var first = keys.Current;
        var second = keys.PublishNewKey();

        keys.SwitchSigningTo(second);

        keys.Current.Should().BeSameAs(second);
        keys.Published.Should().Equal(first, second);
    }

    [Fact]
    public void SwitchSigningTo_UnpublishedKey_Throws()
    {
        using var keys = new SimulatorSigningKeys();
        using var stranger = IdaasSigningKey.Generate();

        var switching = () => keys.SwitchSigningTo(stranger);

        switching.Should().Throw<ArgumentException>().WithParameterName("key").WithMessage($"*{stranger.KeyId}*not published*");
    }

    [Fact]
    public void Retire_OldKey_RemovesItFromJwks()
    {
        using var keys = new SimulatorSigningKeys();
        var first = keys.Current;
        var second = keys.PublishNewKey();
        keys.SwitchSigningTo(second);

        keys.Retire(first);

        keys.Published.Should().Equal(second);
        keys.ToJwksJson().Should().NotContain(first.KeyId);
        keys.ToJwksJson().Should().Contain(second.KeyId);
    }

    [Fact]
    public void Retire_CurrentKey_ThrowsInvalidOperation()
    {
        using var keys = new SimulatorSigningKeys();
        var current = keys.Current;

        var retiring = () => keys.Retire(current);

        retiring.Should().Throw<InvalidOperationException>().WithMessage($"*{current.KeyId}*current signing key*SwitchSigningTo*");
        keys.Published.Should().Equal(current);
    }

    [Fact]
    public void Retire_UnpublishedKey_Throws()
    {
        using var keys = new SimulatorSigningKeys();
        var first = keys.Current;
        keys.Rotate();

        var retiringAgain = () => keys.Retire(first);

        retiringAgain.Should().Throw<ArgumentException>().WithParameterName("key");
    }

    [Fact]
    public void Retired_KeyStillSigns()
    {
        using var keys = new SimulatorSigningKeys();
        var first = keys.Current;
        keys.Rotate();

        var token = new CallbackTokenSigner(first).CreateToken(new CallbackTokenDescriptor
        {
            InstanceId = "idaas_simtenant01",
            ApplicationId = "app_simapp01",
            IssuedAt = DateTimeOffset.UnixEpoch,
            PlainData = "{}",
        });

        var segments = token.Split('.');
        var signingInput = System.Text.Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(segments[2]);
        first.Rsa.VerifyData(signingInput, signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .Should().BeTrue();
    }

    [Fact]
    public void Rotate_SwitchesAndRetiresOldKey()
    {
        using var keys = new SimulatorSigningKeys();
        var first = keys.Current;

        var second = keys.Rotate();

        keys.Current.Should().BeSameAs(second);
        keys.Published.Should().Equal(second);
        second.KeyId.Should().NotBe(first.KeyId);
    }

    [Fact]
    public void Rotate_KeepsOtherPublishedKeys()
    {
        using var keys = new SimulatorSigningKeys();
        var first = keys.Current;
        var spare = keys.PublishNewKey();

        var third = keys.Rotate();

        keys.Published.Should().Equal(spare, third);
        keys.Published.Should().NotContain(first);
    }

    [Fact]
    public void ToJwksJson_HasIdaasShape()
    {
        using var keys = new SimulatorSigningKeys();
        keys.PublishNewKey();

        using var document = JsonDocument.Parse(keys.ToJwksJson());

        document.RootElement.EnumerateObject().Select(member => member.Name).Should().Equal("keys");
        var entries = document.RootElement.GetProperty("keys").EnumerateArray().ToList();
        entries.Should().HaveCount(2);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            entry.EnumerateObject().Select(member => member.Name).Should().Equal("kty", "e", "use", "kid", "n");
            entry.GetProperty("kty").GetString().Should().Be("RSA");
            entry.GetProperty("e").GetString().Should().Be("AQAB");
            entry.GetProperty("use").GetString().Should().Be("sig");
            entry.GetProperty("kid").GetString().Should().Be(keys.Published[i].KeyId);
            entry.GetProperty("kid").GetString().Should().MatchRegex(IdaasKeyId().ToString());
            System.Buffers.Text.Base64Url.DecodeFromChars(entry.GetProperty("n").GetString()).Should().HaveCount(256);
        }
    }

    [Fact]
    public void Dispose_DisposesRetiredKeys()
    {
        var keys = new SimulatorSigningKeys();
        var first = keys.Current;
        var second = keys.Rotate();

        keys.Dispose();

        var exportFirst = () => first.Rsa.ExportParameters(false);
        var exportSecond = () => second.Rsa.ExportParameters(false);
        exportFirst.Should().Throw<ObjectDisposedException>();
        exportSecond.Should().Throw<ObjectDisposedException>();
        var reading = () => keys.Current;
        reading.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public async Task Concurrent_RotationsKeepCurrentPublished()
    {
        using var keys = new SimulatorSigningKeys();

        var rotations = Enumerable.Range(0, 4).Select(_ => Task.Run(() => keys.Rotate()));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                using var document = JsonDocument.Parse(keys.ToJwksJson());
                document.RootElement.GetProperty("keys").GetArrayLength().Should().BeGreaterThan(0);
            }
        }));
        await Task.WhenAll(rotations.Concat(readers));

        keys.Published.Should().Contain(keys.Current);
    }
}
