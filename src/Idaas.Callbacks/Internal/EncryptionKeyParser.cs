namespace Idaas.Callbacks;

/// <summary>Parses the business-data encryption key as IDaaS shows it: 64 hexadecimal characters.</summary>
internal static class EncryptionKeyParser
{
    public static bool TryParseHex(string? hex, out byte[] key)
    {
        key = [];
        if (hex is null || hex.Length != 64)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        key = Convert.FromHexString(hex);
        return true;
    }
}
