using System.Text.Json;

namespace Idaas.Callbacks.Verification;

/// <summary>
/// Detects repeated member names in one JSON object, because parsers disagree on which copy of a repeated
/// member wins, and a signed document must mean one thing.
/// </summary>
/// <remarks>
/// Names from the known list are tracked in a bit mask without allocating; other names go into a set.
/// </remarks>
internal struct JsonMemberSet
{
    private readonly byte[][] _knownNames;
    private ulong _seenKnown;
    private HashSet<string>? _seenOthers;

    /// <param name="knownNames">At most 64 UTF-8 names expected in the object.</param>
    public JsonMemberSet(byte[][] knownNames)
    {
        _knownNames = knownNames;
    }

    /// <summary>
    /// Records the property name under the reader. Returns the index of the name in the known list, or -1 for
    /// another name; <paramref name="repeated"/> is set when the name was seen before.
    /// </summary>
    public int Add(ref Utf8JsonReader reader, out bool repeated)
    {
        for (var index = 0; index < _knownNames.Length; index++)
        {
            if (reader.ValueTextEquals(_knownNames[index]))
            {
                var bit = 1UL << index;
                repeated = (_seenKnown & bit) != 0;
                _seenKnown |= bit;
                return index;
            }
        }

        _seenOthers ??= new HashSet<string>(StringComparer.Ordinal);
        repeated = !_seenOthers.Add(reader.GetString()!);
        return -1;
    }
}
