using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>Reads JSON string values without letting malformed text throw.</summary>
internal static class JsonStrings
{
    private const int MinimumBufferLength = 256;

    /// <summary>Reads the current string token, or returns <see langword="false"/> for any other token or unreadable text.</summary>
    public static bool TryGetString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        try
        {
            value = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // The string escapes an unpaired surrogate or contains invalid UTF-8.
            return false;
        }
    }

    /// <summary>
    /// Unescapes the current string token into <paramref name="buffer"/>, replacing it with a larger array from the
    /// shared pool when it is too small. Returns <see langword="false"/> for any other token or unreadable text.
    /// </summary>
    public static bool TryCopyString(ref Utf8JsonReader reader, ref byte[]? buffer, out int length)
    {
        length = 0;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        // Unescaping never makes a string longer, so the escaped length is enough room.
        EnsureCapacity(ref buffer, reader.ValueSpan.Length);
        try
        {
            length = reader.CopyString(buffer);
            return true;
        }
        catch (InvalidOperationException)
        {
            // The string escapes an unpaired surrogate or contains invalid UTF-8.
            return false;
        }
    }

    /// <summary>
    /// Unescapes the text between the quotes of a JSON string whose escape sequences a <see cref="Utf8JsonReader"/>
    /// has already checked, into <paramref name="buffer"/> as <see cref="TryCopyString"/> does. Returns
    /// <see langword="false"/> where <see cref="Utf8JsonReader.CopyString(Span{byte})"/> would throw (an unpaired
    /// surrogate or invalid UTF-8) and for anything unexpected, so that the caller falls back to the reader.
    /// </summary>
    /// <remarks>
    /// This loop jumps between backslashes with a vectorized search and does not check escape syntax again, so it
    /// costs less than a second reader pass over the same text (see docs/benchmarks.md).
    /// </remarks>
    public static bool TryUnescapeChecked(ReadOnlySpan<byte> escaped, ref byte[]? buffer, out int length)
    {
        length = 0;
        EnsureCapacity(ref buffer, escaped.Length);
        var destination = buffer.AsSpan();
        var written = 0;
        while (true)
        {
            var backslash = escaped.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                escaped.CopyTo(destination[written..]);
                written += escaped.Length;
                break;
            }

            escaped[..backslash].CopyTo(destination[written..]);
            written += backslash;
            if (backslash + 1 >= escaped.Length)
            {
                return false;
            }

            var consumed = 2;
            switch (escaped[backslash + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/':
                    destination[written++] = escaped[backslash + 1];
                    break;
                case (byte)'b':
                    destination[written++] = (byte)'\b';
                    break;
                case (byte)'f':
                    destination[written++] = (byte)'\f';
                    break;
                case (byte)'n':
                    destination[written++] = (byte)'\n';
                    break;
                case (byte)'r':
                    destination[written++] = (byte)'\r';
                    break;
                case (byte)'t':
                    destination[written++] = (byte)'\t';
                    break;
                case (byte)'u':
                    if (!TryReadCodePoint(escaped[(backslash + 2)..], out var scalar, out var hexLength))
                    {
                        return false;
                    }

                    consumed += hexLength;
                    written += new Rune(scalar).EncodeToUtf8(destination[written..]);
                    break;
                default:
                    return false;
            }

            escaped = escaped[(backslash + consumed)..];
        }

        // Raw bytes between the escapes are copied as they are, so the result is checked as CopyString checks it.
        if (!Utf8.IsValid(destination[..written]))
        {
            return false;
        }

        length = written;
        return true;
    }

    /// <summary>
    /// Clears a buffer from <see cref="TryCopyString"/> and returns it to the shared pool. Clearing matters because
    /// decrypted business data may contain passwords.
    /// </summary>
    public static void ReturnToPool(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static void EnsureCapacity([NotNull] ref byte[]? buffer, int needed)
    {
        if (buffer is null || buffer.Length < needed)
        {
            ReturnToPool(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(needed, MinimumBufferLength));
        }
    }

    // Reads the four hex digits after "\u", and a second "\uXXXX" when the first is a high surrogate. An unpaired
    // surrogate fails, as in the reader.
    private static bool TryReadCodePoint(ReadOnlySpan<byte> text, out int scalar, out int length)
    {
        scalar = 0;
        length = 4;
        if (!TryReadHex(text, out var unit) || char.IsLowSurrogate((char)unit))
        {
            return false;
        }

        if (!char.IsHighSurrogate((char)unit))
        {
            scalar = unit;
            return true;
        }

        if (text.Length < 10 || text[4] != (byte)'\\' || text[5] != (byte)'u'
            || !TryReadHex(text[6..], out var low) || !char.IsLowSurrogate((char)low))
        {
            return false;
        }

        scalar = char.ConvertToUtf32((char)unit, (char)low);
        length = 10;
        return true;
    }

    private static bool TryReadHex(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.Length < 4)
        {
            return false;
        }

        for (var i = 0; i < 4; i++)
        {
            var digit = HexDigitValue(text[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexDigitValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
