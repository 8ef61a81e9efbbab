using Idaas.Callbacks.Internal;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// Structural checks of a compact JWS given as ASCII bytes: three segments of canonical base64url.
/// </summary>
internal static class CompactJws
{
    private const int MaxHeaderBytes = 1024;

    public static bool TryFindSegments(ReadOnlySpan<byte> token, out int headerEnd, out int payloadEnd)
    {
        headerEnd = token.IndexOf((byte)'.');
        payloadEnd = -1;
        if (headerEnd <= 0)
        {
            return false;
        }

        var second = token[(headerEnd + 1)..].IndexOf((byte)'.');
        payloadEnd = second < 0 ? -1 : headerEnd + 1 + second;
        return payloadEnd > headerEnd
            && !token[(payloadEnd + 1)..].Contains((byte)'.')
            && Base64Url.IsCanonical(token[..headerEnd]);
    }

    public static bool HasCanonicalBody(ReadOnlySpan<byte> token, int headerEnd, int payloadEnd)
    {
        var payload = token[(headerEnd + 1)..payloadEnd];
        var signature = token[(payloadEnd + 1)..];
        return !payload.IsEmpty && !signature.IsEmpty && Base64Url.IsCanonical(payload) && Base64Url.IsCanonical(signature);
    }

    public static bool TryReadHeader(ReadOnlySpan<byte> headerText, out TokenHeader header)
    {
        header = default;
        if (Base64Url.GetDecodedLength(headerText.Length) > MaxHeaderBytes)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxHeaderBytes];
        return Base64Url.TryDecode(headerText, buffer, out var written) && TokenHeader.TryParse(buffer[..written], out header);
    }
}
