using System.Buffers;
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
        var needed = reader.ValueSpan.Length;
        if (buffer is null || buffer.Length < needed)
        {
            ReturnToPool(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(needed, MinimumBufferLength));
        }

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
}
