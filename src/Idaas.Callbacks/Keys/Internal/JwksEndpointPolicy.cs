using System.Net;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Rule for which Public Key Endpoint URLs may be fetched: HTTPS, or HTTP to a loopback host.
/// </summary>
internal static class JwksEndpointPolicy
{
    /// <summary>
    /// Checks whether <paramref name="endpoint"/> is an absolute <c>https</c> URL, or an <c>http</c> URL whose host is
    /// <c>localhost</c> or a loopback address (127.0.0.0/8, ::1).
    /// </summary>
    public static bool IsAllowed(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);

        if (!endpoint.IsAbsoluteUri)
        {
            return false;
        }

        if (endpoint.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }

        return endpoint.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(endpoint);
    }

    /// <summary>
    /// Returns the URL without user information, query or fragment, for logs.
    /// </summary>
    public static string Describe(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);

        return endpoint.IsAbsoluteUri
            ? endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(relative URL)";
    }

    // Only literal addresses and the name localhost count. Another name that resolves to 127.0.0.1 is not
    // trusted, because DNS could point it elsewhere later.
    private static bool IsLoopbackHost(Uri endpoint) => endpoint.HostNameType switch
    {
        UriHostNameType.IPv4 or UriHostNameType.IPv6 =>
            IPAddress.TryParse(endpoint.DnsSafeHost, out var address) && IPAddress.IsLoopback(address),
        UriHostNameType.Dns => string.Equals(endpoint.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
