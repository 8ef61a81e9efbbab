using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>
/// Reads an IDaaS time: milliseconds since the Unix epoch as a JSON number or a string of digits.
/// <c>-1</c>, an empty string and <see langword="null"/> mean "no time" and read as <see langword="null"/>.
/// </summary>
/// <remarks>Other negative values, fractions and values beyond year 9999 throw <see cref="JsonException"/>.</remarks>
internal sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset?>
{
    private const long NoTime = -1;

    /// <summary>The last millisecond that <see cref="DateTimeOffset"/> can hold, in Unix milliseconds.</summary>
    internal static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        long milliseconds;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;

            case JsonTokenType.Number when reader.TryGetInt64(out milliseconds):
                break;

            case JsonTokenType.String:
                // Real IDaaS data sends times as strings, for example "1648625692578" or "-1".
                var text = reader.GetString();
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out milliseconds))
                {
                    throw new JsonException("The time is not an integer number of milliseconds.");
                }

                break;

            default:
                throw new JsonException("The time is not an integer number of milliseconds.");
        }

        if (milliseconds == NoTime)
        {
            return null;
        }

        if (milliseconds < 0 || milliseconds > MaxMilliseconds)
        {
            throw new JsonException("The time is outside the supported range of 0 to year 9999.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            writer.WriteNumberValue(time.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNumberValue(NoTime);
        }
    }
}
