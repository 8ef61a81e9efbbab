namespace Idaas.Callbacks.Keys;

/// <summary>What started a fetch of the JWKS; the <c>idaas.refresh.trigger</c> tag of the refresh counter.</summary>
internal enum KeyRefreshTrigger
{
    /// <summary>The prefetch when the host starts. Tag value <c>startup</c>.</summary>
    Startup,

    /// <summary>The background refresh every <see cref="SigningKeyOptions.RefreshInterval"/>. Tag value <c>periodic</c>.</summary>
    Periodic,

    /// <summary>A token whose <c>kid</c> is not cached. Tag value <c>unknown_kid</c>.</summary>
    UnknownKeyId,
}
