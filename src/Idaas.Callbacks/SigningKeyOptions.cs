namespace Idaas.Callbacks;

/// <summary>
/// Settings for fetching the JWKS from the Public Key Endpoint and caching its keys.
/// </summary>
public sealed class SigningKeyOptions
{
    /// <summary>
    /// Gets or sets how long one JWKS fetch may take, and so how long a callback waits for a refresh.
    /// Default 5 seconds; range 100 milliseconds to 30 seconds.
    /// </summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the minimum time between two refreshes triggered by a token with an unknown <c>kid</c>.
    /// Failed and empty fetches count too. Default 30 seconds; range 0 to 1 hour.
    /// </summary>
    public TimeSpan RefreshCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the interval of the background refresh, or <see cref="TimeSpan.Zero"/> to refresh only on an
    /// unknown <c>kid</c>. Default 12 hours.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Gets or sets a value indicating whether the keys are fetched when the host starts, so that the first
    /// callback does not wait for them. Default <see langword="true"/>.
    /// </summary>
    public bool PrefetchOnStartup { get; set; } = true;

    /// <summary>
    /// Gets or sets the maximum size of a JWKS response in bytes; a larger response fails the fetch.
    /// Default 512 KiB; range 1 KiB to 16 MiB.
    /// </summary>
    public int MaxResponseBytes { get; set; } = 512 * 1024;
}
