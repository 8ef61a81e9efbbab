namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Preparation of untrusted text, such as a <c>kid</c> from a token or a JWKS, for log messages.
/// </summary>
internal static class LogText
{
    private const int MaxPrintableLength = 64;

    /// <summary>
    /// Returns <paramref name="value"/> shortened to 64 characters with control characters replaced by <c>?</c>,
    /// so that a hostile JWKS or token cannot forge log lines. <see langword="null"/> becomes <c>(none)</c>.
    /// </summary>
    public static string Printable(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var shortened = value.Length > MaxPrintableLength ? string.Concat(value.AsSpan(0, MaxPrintableLength), "...") : value;
        return string.Create(shortened.Length, shortened, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
