using System.Globalization;
using System.Text;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A comparison value of a <see cref="ScimFilter"/>, formatted as RFC 7644 section 3.4.2.2 requires: strings and
/// dates quoted and JSON-escaped, numbers and booleans in invariant culture, and <c>null</c>.
/// </summary>
public readonly struct ScimFilterValue : IEquatable<ScimFilterValue>
{
    private readonly string? _text;

    private ScimFilterValue(string text) => _text = text;

    /// <summary>Gets the value as it appears in the filter text.</summary>
    /// <remarks>The default value is <c>null</c>.</remarks>
    public string Text => _text ?? "null";

    /// <summary>Creates a quoted string value, or <c>null</c> when <paramref name="value"/> is <see langword="null"/>.</summary>
    public static ScimFilterValue FromString(string? value) => new(value is null ? "null" : Quote(value));

    /// <summary>Creates a boolean value, <c>true</c> or <c>false</c>.</summary>
    public static ScimFilterValue FromBoolean(bool value) => new(value ? "true" : "false");

    /// <summary>Creates an integer value.</summary>
    public static ScimFilterValue FromInt64(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a decimal value.</summary>
    public static ScimFilterValue FromDecimal(decimal value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a floating-point value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static ScimFilterValue FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A SCIM filter number must be finite.");
        }

        return new(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Creates a quoted <c>dateTime</c> value in UTC, such as <c>"2026-01-02T03:04:05Z"</c>.</summary>
    public static ScimFilterValue FromDateTimeOffset(DateTimeOffset value)
        => new(Quote(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)));

    /// <summary>Converts a string; see <see cref="FromString"/>.</summary>
    public static implicit operator ScimFilterValue(string? value) => FromString(value);

    /// <summary>Converts a boolean; see <see cref="FromBoolean"/>.</summary>
    public static implicit operator ScimFilterValue(bool value) => FromBoolean(value);

    /// <summary>Converts an integer; see <see cref="FromInt64"/>.</summary>
    public static implicit operator ScimFilterValue(long value) => FromInt64(value);

    /// <summary>Converts a decimal; see <see cref="FromDecimal"/>.</summary>
    public static implicit operator ScimFilterValue(decimal value) => FromDecimal(value);

    /// <summary>Converts a floating-point number; see <see cref="FromDouble"/>.</summary>
    public static implicit operator ScimFilterValue(double value) => FromDouble(value);

    /// <summary>Converts a date and time; see <see cref="FromDateTimeOffset"/>.</summary>
    public static implicit operator ScimFilterValue(DateTimeOffset value) => FromDateTimeOffset(value);

    /// <summary>Compares two values by their filter text.</summary>
    public static bool operator ==(ScimFilterValue left, ScimFilterValue right) => left.Equals(right);

    /// <summary>Compares two values by their filter text.</summary>
    public static bool operator !=(ScimFilterValue left, ScimFilterValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ScimFilterValue other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScimFilterValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>
    /// Returns <paramref name="value"/> as a JSON string literal: quoted, with <c>"</c> and <c>\</c> escaped and
    /// control characters written as <c>\uXXXX</c> or their short escapes.
    /// </summary>
    internal static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var character in value)
        {
            switch (character)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(character))
                    {
                        builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(character);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
