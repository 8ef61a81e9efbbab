using System.Text.Json;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>Reads the four event lists of an acknowledgement body, as the IDaaS Java SDK writes it.</summary>
internal static class AcknowledgementParser
{
    // Checked in this order, so an event listed twice gets the status of the first list here that contains it.
    private static readonly (string Name, AcknowledgedEventStatus Status)[] Lists =
    [
        ("successEvents", AcknowledgedEventStatus.Success),
        ("skippedEvents", AcknowledgedEventStatus.Skipped),
        ("failedEvents", AcknowledgedEventStatus.Failed),
        ("retriedEvents", AcknowledgedEventStatus.Retried),
    ];

    /// <summary>
    /// Parses <paramref name="body"/> and returns the entry of each id in <paramref name="eventIds"/>, or
    /// <see langword="null"/> with an error when the body is not a JSON object whose lists are arrays of objects
    /// with a string <c>eventId</c>. An absent list counts as empty, and ids that were not sent are ignored.
    /// </summary>
    public static Dictionary<string, AcknowledgedEvent>? TryParse(ReadOnlySpan<byte> body, IReadOnlyList<string> eventIds, out string? error)
    {
        var listed = new Dictionary<string, AcknowledgedEvent>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"The 200 response body is a JSON {document.RootElement.ValueKind}, not an acknowledgement object.";
                return null;
            }

            foreach (var (name, status) in Lists)
            {
                if (!document.RootElement.TryGetProperty(name, out var list))
                {
                    continue;
                }

                if (list.ValueKind != JsonValueKind.Array)
                {
                    error = $"The acknowledgement member '{name}' is a JSON {list.ValueKind}, not an array.";
                    return null;
                }

                foreach (var entry in list.EnumerateArray())
                {
                    if (entry.ValueKind != JsonValueKind.Object
                        || !entry.TryGetProperty("eventId", out var eventId)
                        || eventId.ValueKind != JsonValueKind.String)
                    {
                        error = $"An entry of '{name}' is not an object with a string eventId.";
                        return null;
                    }

                    var id = eventId.GetString()!;
                    listed.TryAdd(id, new AcknowledgedEvent(id, status, ReadString(entry, "eventCode"), ReadString(entry, "eventMessage")));
                }
            }
        }
        catch (JsonException exception)
        {
            error = $"The 200 response body is not valid JSON: {exception.Message}";
            return null;
        }

        var result = new Dictionary<string, AcknowledgedEvent>(StringComparer.Ordinal);
        foreach (var id in eventIds)
        {
            result[id] = listed.TryGetValue(id, out var entry) ? entry : new AcknowledgedEvent(id, AcknowledgedEventStatus.NotListed, null, null);
        }

        error = null;
        return result;
    }

    private static string? ReadString(JsonElement entry, string name)
        => entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
