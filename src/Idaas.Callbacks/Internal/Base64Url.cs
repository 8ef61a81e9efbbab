using System.Buffers;
using System.Text;

namespace Idaas.Callbacks.Internal;

/// <summary>
/// Strict base64url (RFC 4648 section 5) decoding: no padding, no <c>+</c> or <c>/</c>, no whitespace, and
/// zero trailing bits, so that exactly one string encodes each byte sequence.
/// </summary>
/// <remarks>
/// The .NET decoder alone is not enough, because it skips whitespace and accepts padding and non-zero
/// trailing bits; the alphabet check here runs first, vectorized through <see cref="SearchValues{T}"/>.
/// </remarks>
internal static class Base64Url
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);
    private static readonly SearchValues<byte> AlphabetBytes = SearchValues.Create(Encoding.ASCII.GetBytes(Alphabet));

    /// <summary>Checks that <paramref name="text"/> is canonical unpadded base64url.</summary>
    public static bool IsCanonical(ReadOnlySpan<char> text)
        => !text.ContainsAnyExcept(AlphabetChars) && HasCanonicalTail(text.Length, text.IsEmpty ? 0 : DecodeChar(text[^1]));

    /// <summary>Checks that <paramref name="utf8"/> is canonical unpadded base64url.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> utf8)
        => !utf8.ContainsAnyExcept(AlphabetBytes) && HasCanonicalTail(utf8.Length, utf8.IsEmpty ? 0 : DecodeChar((char)utf8[^1]));

    /// <summary>Returns the number of bytes that <paramref name="length"/> base64url characters decode to.</summary>
    public static int GetDecodedLength(int length) => (int)((long)length * 3 / 4);

    /// <summary>
    /// Decodes canonical base64url into a new array, or returns <see langword="null"/> when the text is not
    /// canonical.
    /// </summary>
    public static byte[]? TryDecode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[GetDecodedLength(text.Length)];
        return TryDecode(text, bytes, out var written) && written == bytes.Length ? bytes : null;
    }

    /// <summary>
    /// Decodes canonical base64url into <paramref name="destination"/>, which must be at least
    /// <see cref="GetDecodedLength"/> bytes long.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        return IsCanonical(text)
            && destination.Length >= GetDecodedLength(text.Length)
            && System.Buffers.Text.Base64Url.DecodeFromChars(text, destination, out _, out written) == OperationStatus.Done;
    }

    /// <summary>
    /// Decodes canonical base64url given as ASCII bytes into <paramref name="destination"/>, which must be at
    /// least <see cref="GetDecodedLength"/> bytes long.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, Span<byte> destination, out int written)
    {
        written = 0;
        return IsCanonical(utf8)
            && destination.Length >= GetDecodedLength(utf8.Length)
            && System.Buffers.Text.Base64Url.DecodeFromUtf8(utf8, destination, out _, out written) == OperationStatus.Done;
    }

    // No encoder produces a length of 4n+1. The last character of a 2- or 3-character tail carries bits past
    // the final byte. They must be zero, because otherwise several strings would decode to the same bytes.
    private static bool HasCanonicalTail(int length, int lastValue) => (length % 4) switch
    {
        1 => false,
        2 => (lastValue & 0x0F) == 0,
        3 => (lastValue & 0x03) == 0,
        _ => true,
    };

    private static int DecodeChar(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
