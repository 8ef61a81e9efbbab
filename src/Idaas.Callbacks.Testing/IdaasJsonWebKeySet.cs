using System.Text;
using System.Text.Json;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// Builds JWKS documents in the shape of an IDaaS application's Public Key Endpoint.
/// </summary>
public static class IdaasJsonWebKeySet
{
    /// <summary>Serializes the public parts of <paramref name="keys"/> as <c>{"keys":[...]}</c>.</summary>
    /// <param name="keys">The keys to publish, in order.</param>
    /// <returns>The JWKS JSON text.</returns>
    public static string ToJson(IEnumerable<IdaasSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                key.WriteJsonWebKey(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Serializes the public parts of <paramref name="keys"/> as <c>{"keys":[...]}</c>.</summary>
    /// <param name="keys">The keys to publish, in order.</param>
    /// <returns>The JWKS JSON text.</returns>
    public static string ToJson(params IdaasSigningKey[] keys) => ToJson((IEnumerable<IdaasSigningKey>)keys);
}
