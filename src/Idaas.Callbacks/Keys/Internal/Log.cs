using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Keys.Internal;

/// <summary>
/// Log messages of the signing-key cache, event ids 2000 to 2099. They name endpoints, <c>kid</c>s, status codes
/// and content types, never key material or response bodies.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "SigningKeysLoaded", Level = LogLevel.Information,
        Message = "Loaded {KeyCount} signing keys from {Endpoint}, key ids: {KeyIds}.")]
    private static partial void SigningKeysLoadedCore(ILogger logger, int keyCount, string endpoint, string keyIds);

    [SuppressMessage("Performance", "CA1873", Justification = "The argument is computed only after the IsEnabled check.")]
    public static void SigningKeysLoaded(ILogger logger, string endpoint, SigningKeySet keys)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            SigningKeysLoadedCore(logger, keys.Count, endpoint, keys.DescribeKeyIds());
        }
    }

    [LoggerMessage(EventId = 2001, EventName = "SigningKeysUnchanged", Level = LogLevel.Debug,
        Message = "Refreshed the signing keys from {Endpoint}. The {KeyCount} keys are unchanged.")]
    public static partial void SigningKeysUnchanged(ILogger logger, string endpoint, int keyCount);

    [LoggerMessage(EventId = 2002, EventName = "JwksEntrySkipped", Level = LogLevel.Warning,
        Message = "Skipped JWKS entry {EntryIndex} with kid {KeyId} from {Source}: {Problem}, {Detail}.")]
    private static partial void JwksEntrySkippedCore(ILogger logger, int entryIndex, string keyId, string source, JwksEntryProblem problem, string detail);

    [SuppressMessage("Performance", "CA1873", Justification = "The argument is computed only after the IsEnabled check.")]
    public static void JwksEntrySkipped(ILogger logger, SkippedJwksEntry entry, string source)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            JwksEntrySkippedCore(logger, entry.Index, LogText.Printable(entry.KeyId), source, entry.Problem, entry.Detail);
        }
    }

    [LoggerMessage(EventId = 2003, EventName = "JwksEntriesSkippedWithoutDetail", Level = LogLevel.Warning,
        Message = "Skipped {SkippedCount} more unusable JWKS entries from {Source} without logging each one.")]
    public static partial void JwksEntriesSkippedWithoutDetail(ILogger logger, int skippedCount, string source);

    [LoggerMessage(EventId = 2004, EventName = "JwksResponseRejected", Level = LogLevel.Warning,
        Message = "Fetching the JWKS from {Endpoint} failed ({Failure}): HTTP status {StatusCode}, content type {ContentType}. {Reason} Cached keys still in use: {CachedKeyCount}.")]
    public static partial void JwksResponseRejected(ILogger logger, string endpoint, JwksRetrievalFailure failure, int? statusCode, string? contentType, string reason, int cachedKeyCount);

    [LoggerMessage(EventId = 2005, EventName = "JwksDocumentInvalid", Level = LogLevel.Warning,
        Message = "The JWKS from {Endpoint} (HTTP status {StatusCode}, content type {ContentType}) is invalid: {Reason}. Cached keys still in use: {CachedKeyCount}.")]
    public static partial void JwksDocumentInvalid(ILogger logger, string endpoint, int statusCode, string? contentType, string reason, int cachedKeyCount);

    [LoggerMessage(EventId = 2006, EventName = "JwksWithoutUsableKeys", Level = LogLevel.Warning,
        Message = "The JWKS from {Endpoint} has {EntryCount} entries but no usable RS256 key, so it is ignored. Cached keys still in use: {CachedKeyCount}.")]
    public static partial void JwksWithoutUsableKeys(ILogger logger, string endpoint, int entryCount, int cachedKeyCount);

    [LoggerMessage(EventId = 2007, EventName = "JwksFetchTimedOut", Level = LogLevel.Warning,
        Message = "Fetching the JWKS from {Endpoint} timed out after {FetchTimeout}. Cached keys still in use: {CachedKeyCount}.")]
    public static partial void JwksFetchTimedOut(ILogger logger, string endpoint, TimeSpan fetchTimeout, int cachedKeyCount);

    [LoggerMessage(EventId = 2008, EventName = "JwksFetchFailed", Level = LogLevel.Error,
        Message = "Fetching the JWKS from {Endpoint} failed. Cached keys still in use: {CachedKeyCount}.")]
    public static partial void JwksFetchFailed(ILogger logger, Exception exception, string endpoint, int cachedKeyCount);

    [LoggerMessage(EventId = 2009, EventName = "JwksEndpointNotAllowed", Level = LogLevel.Error,
        Message = "No request was sent to the Public Key Endpoint {Endpoint}: it must use HTTPS unless its host is localhost or a loopback address (127.0.0.0/8, ::1). Fix IdaasCallbackOptions.PublicKeyEndpoint.")]
    public static partial void JwksEndpointNotAllowed(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 2010, EventName = "RefreshInCooldown", Level = LogLevel.Debug,
        Message = "No JWKS refresh for unknown kid {KeyId}: the last one started {Elapsed} ago, within the cooldown of {RefreshCooldown}.")]
    private static partial void RefreshInCooldownCore(ILogger logger, string keyId, TimeSpan elapsed, TimeSpan refreshCooldown);

    [SuppressMessage("Performance", "CA1873", Justification = "The argument is computed only after the IsEnabled check.")]
    public static void RefreshInCooldown(ILogger logger, string? keyId, TimeSpan elapsed, TimeSpan refreshCooldown)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            RefreshInCooldownCore(logger, LogText.Printable(keyId), elapsed, refreshCooldown);
        }
    }

    [LoggerMessage(EventId = 2011, EventName = "RefreshWaitTimedOut", Level = LogLevel.Warning,
        Message = "Stopped waiting for the JWKS refresh after {FetchTimeout}. The lookup of kid {KeyId} uses the cached keys.")]
    private static partial void RefreshWaitTimedOutCore(ILogger logger, TimeSpan fetchTimeout, string keyId);

    [SuppressMessage("Performance", "CA1873", Justification = "The argument is computed only after the IsEnabled check.")]
    public static void RefreshWaitTimedOut(ILogger logger, TimeSpan fetchTimeout, string? keyId)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            RefreshWaitTimedOutCore(logger, fetchTimeout, LogText.Printable(keyId));
        }
    }

    [LoggerMessage(EventId = 2012, EventName = "InlineJwksLoaded", Level = LogLevel.Information,
        Message = "Loaded {KeyCount} signing keys from IdaasCallbackOptions.JsonWebKeySet, key ids: {KeyIds}.")]
    private static partial void InlineJwksLoadedCore(ILogger logger, int keyCount, string keyIds);

    [SuppressMessage("Performance", "CA1873", Justification = "The argument is computed only after the IsEnabled check.")]
    public static void InlineJwksLoaded(ILogger logger, SigningKeySet keys)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            InlineJwksLoadedCore(logger, keys.Count, keys.DescribeKeyIds());
        }
    }

    [LoggerMessage(EventId = 2013, EventName = "InlineJwksUnusable", Level = LogLevel.Error,
        Message = "IdaasCallbackOptions.JsonWebKeySet contains no usable RS256 key: {Reason}. Key lookups return KeysUnavailable until the setting is fixed.")]
    public static partial void InlineJwksUnusable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2014, EventName = "PeriodicRefreshFailed", Level = LogLevel.Error,
        Message = "The background JWKS refresh failed unexpectedly. It tries again at the next interval.")]
    public static partial void PeriodicRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2015, EventName = "RefreshFailedUnexpectedly", Level = LogLevel.Error,
        Message = "The JWKS refresh failed unexpectedly. The lookup of kid {KeyId} uses the cached keys.")]
    private static partial void RefreshFailedUnexpectedlyCore(ILogger logger, Exception exception, string keyId);

    [SuppressMessage("Performance", "CA1873", Justification = "The argument is computed only after the IsEnabled check.")]
    public static void RefreshFailedUnexpectedly(ILogger logger, Exception exception, string? keyId)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            RefreshFailedUnexpectedlyCore(logger, exception, LogText.Printable(keyId));
        }
    }
}
