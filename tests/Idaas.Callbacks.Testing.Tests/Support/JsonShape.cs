using System.Text;
using System.Text.Json;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>
/// Describes the shape of a JSON value without its values: member names in order and the JSON type of each
/// value, such as <c>{"eventId":string,"eventTime":string}</c>. Two documents with the same description differ
/// only in their values.
/// </summary>
internal static class JsonShape
{
    /// <summary>Describes <paramref name="element"/>; string members named in <paramref name="jsonInStringMembers"/> are parsed and described too.</summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="jsonInStringMembers">Names of members whose string value contains JSON text, such as <c>eventData</c>.</param>
    /// <returns>The description.</returns>
    public static string Describe(JsonElement element, params string[] jsonInStringMembers)
    {
        var text = new StringBuilder();
        Append(text, element, jsonInStringMembers);
        return text.ToString();
    }

    /// <summary>Returns the member names of the object <paramref name="element"/>, in order.</summary>
    public static IReadOnlyList<string> MemberNames(JsonElement element) => [.. element.EnumerateObject().Select(member => member.Name)];

    private static void Append(StringBuilder text, JsonElement element, string[] jsonInStringMembers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var member in element.EnumerateObject())
                {
                    text.Append(first ? string.Empty : ",").Append('"').Append(member.Name).Append("\":");
                    first = false;
                    if (member.Value.ValueKind == JsonValueKind.String && jsonInStringMembers.Contains(member.Name))
                    {
                        using var nested = JsonDocument.Parse(member.Value.GetString()!);
                        text.Append("string of ");
                        Append(text, nested.RootElement, jsonInStringMembers);
                    }
                    else
                    {
                        Append(text, member.Value, jsonInStringMembers);
                    }
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    text.Append(index++ == 0 ? string.Empty : ",");
                    Append(text, item, jsonInStringMembers);
                }

                text.Append(']');
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                text.Append("boolean");
                break;
            default:
                text.Append(element.ValueKind.ToString().ToLowerInvariant());
                break;
        }
    }
}
