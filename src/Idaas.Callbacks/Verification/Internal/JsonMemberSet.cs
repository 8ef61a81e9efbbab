using System.Text.Json;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// Detects repeated member names in one JSON object, because parsers disagree on which copy of a repeated
/// member wins, and a signed document must mean one thing.
/// </summary>
internal struct JsonMemberSet
{
    private HashSet<string>? _names;

    /// <summary>Records the property name under the reader; returns <see langword="false"/> if it was seen before.</summary>
    public bool TryAdd(ref Utf8JsonReader reader)
    {
        _names ??= new HashSet<string>(StringComparer.Ordinal);
        return _names.Add(reader.GetString()!);
    }
}
