namespace Idaas.Callbacks.Scim;

/// <summary>
/// Settings of <see cref="ScimClient"/>: the service provider, authentication, the client-side rate limit and
/// retries.
/// </summary>
public sealed class ScimClientOptions
{
    /// <summary>
    /// Gets or sets the application's SCIM base URL, as shown in the IDaaS console; <c>/Users</c> and
    /// <c>/Groups</c> are appended to it. Required; HTTPS unless the host is localhost or a loopback address.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets a static bearer token generated in the IDaaS console. Set either this or
    /// <see cref="ClientCredentials"/>. Never logged.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets the OAuth 2.0 client-credentials settings. Set either this or <see cref="BearerToken"/>.</summary>
    public ScimClientCredentials? ClientCredentials { get; set; }

    /// <summary>
    /// Gets or sets the client-side limit in requests per second, shared by all requests of one client, or 0 for
    /// no limit. Default 100, range 0 to 10,000.
    /// </summary>
    /// <remarks>
    /// NOTE: IDaaS is assumed to return HTTP 429 above 100 requests per second per application. No public
    /// document confirms the number, so set it to what the service provider actually allows.
    /// </remarks>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>Gets or sets the maximum number of retries of one request after the first attempt. Default 4, range 0 to 20.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>
    /// Gets or sets the delay before the first retry when the response has no <c>Retry-After</c>; each further
    /// retry doubles it, with random jitter of up to half the delay. Default 1 second, range 0 to 1 minute.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the maximum delay of one backoff step without <c>Retry-After</c>. Default 30 seconds, range 0 to 10 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the maximum total time that one call waits between retries, <c>Retry-After</c> included. A
    /// retry that would exceed it is not made and the call fails. Default 2 minutes, range 0 to 1 hour.
    /// </summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets the HTTP status codes that count as temporary failures. HTTP 429 is always one. Default 408, 500,
    /// 502, 503 and 504; 500 is included because some services report throttling as 500.
    /// </summary>
    /// <remarks>Configuration binding adds to the defaults; call <c>Clear()</c> in code to replace them.</remarks>
    public ISet<int> TransientStatusCodes { get; } = new HashSet<int> { 408, 500, 502, 503, 504 };

    /// <summary>Gets or sets the timeout of one HTTP attempt. Default 30 seconds, range 1 second to 5 minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the maximum size of a response body in bytes. Default 8 MiB, range 1 KiB to 256 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Gets or sets how long before its expiry a client-credentials token is replaced. Default 1 minute, range 0
    /// to 1 hour. For short-lived tokens the margin is at most half the lifetime.
    /// </summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(1);
}
