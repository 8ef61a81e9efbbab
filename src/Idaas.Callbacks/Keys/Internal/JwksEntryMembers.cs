using System.Text.Json;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// The members of one JWKS entry that the parser checks, read in a single pass.
/// </summary>
internal readonly record struct JwksEntryMembers(
    JsonElement? KeyId,
    JsonElement? KeyType,
    JsonElement? Use,
    JsonElement? KeyOperations,
    JsonElement? Algorithm,
    JsonElement? Modulus,
    JsonElement? Exponent,
    string? DuplicateName)
{
    /// <summary>Reads the members of a JSON object and records the first member name that appears twice.</summary>
    public static JwksEntryMembers Read(JsonElement entry)
    {
        var members = default(JwksEntryMembers);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in entry.EnumerateObject())
        {
            if (!names.Add(member.Name))
            {
                members = members with { DuplicateName = members.DuplicateName ?? member.Name };
                continue;
            }

            members = member.Name switch
            {
                "kid" => members with { KeyId = member.Value },
                "kty" => members with { KeyType = member.Value },
                "use" => members with { Use = member.Value },
                "key_ops" => members with { KeyOperations = member.Value },
                "alg" => members with { Algorithm = member.Value },
                "n" => members with { Modulus = member.Value },
                "e" => members with { Exponent = member.Value },
                _ => members,
            };
        }

        return members;
    }
}
