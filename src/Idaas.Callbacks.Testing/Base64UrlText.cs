using System.Buffers.Text;
using System.Text;

namespace Idaas.Callbacks.Testing;

/// <summary>Unpadded base64url encoding, as used in every JWS and JWE segment.</summary>
internal static class Base64UrlText
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static string EncodeUtf8(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}
