using System.Buffers.Text;
using System.Security.Cryptography;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>Issues opaque bearer tokens and checks them against their expiry on a <see cref="TimeProvider"/>.</summary>
internal sealed class ScimTokenIssuer(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue(TimeSpan lifetime)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            // Forget expired tokens so that a long test run does not grow the table.
            foreach (var expired in _expiries.Where(e => e.Value <= now).Select(e => e.Key).ToList())
            {
                _expiries.Remove(expired);
            }

            _expiries[token] = now + lifetime;
        }

        return token;
    }

    /// <summary>Checks a token: <see langword="true"/> when it was issued and has not expired.</summary>
    /// <param name="token">The bearer token.</param>
    /// <param name="expired">Whether the token was issued but has expired.</param>
    public bool Validate(string token, out bool expired)
    {
        lock (_lock)
        {
            expired = false;
            if (!_expiries.TryGetValue(token, out var expiry))
            {
                return false;
            }

            expired = expiry <= timeProvider.GetUtcNow();
            return !expired;
        }
    }
}
