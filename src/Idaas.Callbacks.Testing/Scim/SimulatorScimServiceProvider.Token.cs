using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Testing.Scim.Internal;
using Microsoft.AspNetCore.WebUtilities;

namespace Idaas.Callbacks.Testing.Scim;

/// <content>The OAuth 2.0 token endpoint (RFC 6749, section 4.4) and bearer-token checks (RFC 6750).</content>
public sealed partial class SimulatorScimServiceProvider
{
    private const string Realm = "IDaaS SCIM";

    private ScimHttpResponse RespondToToken(ScimHttpRequest request)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            var notAllowed = TokenError(405, "invalid_request", "The token endpoint accepts only POST.");
            notAllowed.Headers["Allow"] = "POST";
            return notAllowed;
        }

        var contentType = request.Header("Content-Type");
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return TokenError(400, "invalid_request", "Send the token request as application/x-www-form-urlencoded.");
        }

        var form = QueryHelpers.ParseQuery("?" + request.Body);
        var grantType = form.TryGetValue("grant_type", out var grant) ? grant.ToString() : null;
        var (clientId, clientSecret, usedBasic) = ReadClientCredentials(request, form);
        if (clientId is null)
        {
            return TokenError(401, "invalid_client", "Send client_id and client_secret with client_secret_basic or client_secret_post.", basicChallenge: true);
        }

        if (!FixedTimeEquals(clientId, Options.ClientId) || clientSecret is null || !FixedTimeEquals(clientSecret, Options.ClientSecret))
        {
            return TokenError(401, "invalid_client", "The client id or secret is wrong.", basicChallenge: usedBasic);
        }

        if (!string.Equals(grantType, "client_credentials", StringComparison.Ordinal))
        {
            return TokenError(400, grantType is null ? "invalid_request" : "unsupported_grant_type", "grant_type must be client_credentials.");
        }

        var body = new JsonObject
        {
            ["access_token"] = _tokens.Issue(Options.TokenLifetime),
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)Options.TokenLifetime.TotalSeconds,
        };
        var response = new ScimHttpResponse { Status = 200, ContentType = "application/json; charset=utf-8", Body = body.ToJsonString() };
        response.Headers["Cache-Control"] = "no-store";
        return response;
    }

    private static (string? ClientId, string? ClientSecret, bool UsedBasic) ReadClientCredentials(ScimHttpRequest request, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var authorization = request.Header("Authorization");
        if (authorization is not null && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    // RFC 6749, section 2.3.1: both parts are form-urlencoded before they are joined.
                    return (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')), true);
                }
            }
            catch (FormatException)
            {
                // Reported below as missing credentials.
            }

            return (null, null, true);
        }

        var id = form.TryGetValue("client_id", out var idValue) ? idValue.ToString() : null;
        var secret = form.TryGetValue("client_secret", out var secretValue) ? secretValue.ToString() : null;
        return (string.IsNullOrEmpty(id) ? null : id, secret, false);
    }

    private static ScimHttpResponse TokenError(int status, string error, string description, bool basicChallenge = false)
    {
        var body = new JsonObject { ["error"] = error, ["error_description"] = description };
        var response = new ScimHttpResponse { Status = status, ContentType = "application/json; charset=utf-8", Body = body.ToJsonString() };
        if (status == 401 && basicChallenge)
        {
            response.Headers["WWW-Authenticate"] = $"Basic realm=\"{Realm}\"";
        }

        return response;
    }

    /// <summary>Checks the bearer token; throws a 401 <see cref="ScimException"/> when it is missing, unknown or expired.</summary>
    private void Authenticate(ScimHttpRequest request)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScimException(401, null, "The request has no bearer token. Send Authorization: Bearer with a token from the token endpoint.") { Challenge = $"Bearer realm=\"{Realm}\"" };
        }

        var token = authorization[7..].Trim();
        if (Options.StaticBearerToken is { Length: > 0 } staticToken && FixedTimeEquals(token, staticToken))
        {
            return;
        }

        if (!_tokens.Validate(token, out var expired))
        {
            var reason = expired ? "The access token has expired." : "The access token is invalid.";
            throw new ScimException(401, null, reason + " Request a new one from the token endpoint.")
            {
                Challenge = $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"{reason}\"",
            };
        }
    }

    private static bool FixedTimeEquals(string left, string right)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));

    private static string Seconds(int value) => value.ToString(CultureInfo.InvariantCulture);
}
