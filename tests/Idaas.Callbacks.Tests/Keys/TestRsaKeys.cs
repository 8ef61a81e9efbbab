using System.Security.Cryptography;

namespace Idaas.Callbacks.Tests.Keys;

/// <summary>
/// RSA-2048 key pairs generated once per test run and shared, because generating one takes about 0.2 s.
/// A test gives each key its own kid in its JWKS, so sharing a key pair between tests does not couple them.
/// </summary>
internal static class TestRsaKeys
{
    private static readonly Lazy<RSA>[] Pool =
        [.. Enumerable.Range(0, 4).Select(_ => new Lazy<RSA>(() => RSA.Create(2048)))];

    public static RSA First => Pool[0].Value;

    public static RSA Second => Pool[1].Value;

    public static RSA Third => Pool[2].Value;

    public static RSA Fourth => Pool[3].Value;
}
