using Idaas.Callbacks.Keys.Internal;

namespace Idaas.Callbacks.Keys;

/// <content>The checks of the key source settings and the loading of an inline JWKS.</content>
internal sealed partial class SigningKeyCache
{
    private const string InlineSource = "IdaasCallbackOptions.JsonWebKeySet";

    // Options validation reports these problems at start-up. The checks here stop a cache that could never
    // work, for hosts that skip that validation.
    private static void ThrowIfUnworkable(IdaasCallbackOptions settings)
    {
        var hasEndpoint = settings.PublicKeyEndpoint is not null;
        var hasInline = !string.IsNullOrWhiteSpace(settings.JsonWebKeySet);
        if (hasEndpoint == hasInline)
        {
            throw new InvalidOperationException(
                $"Set exactly one of IdaasCallbackOptions.PublicKeyEndpoint and {InlineSource}, but {(hasEndpoint ? "both are" : "neither is")} set.");
        }

        if (settings.PublicKeyEndpoint is { IsAbsoluteUri: false } relative)
        {
            throw new InvalidOperationException(
                $"IdaasCallbackOptions.PublicKeyEndpoint must be an absolute https URL, but it is '{relative}'.");
        }

        var keySettings = settings.SigningKeys;
        if (keySettings.FetchTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"IdaasCallbackOptions.SigningKeys.FetchTimeout must be positive, but it is {keySettings.FetchTimeout}.");
        }

        if (keySettings.RefreshCooldown < TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"IdaasCallbackOptions.SigningKeys.RefreshCooldown must not be negative, but it is {keySettings.RefreshCooldown}.");
        }

        if (keySettings.MaxResponseBytes <= 0)
        {
            throw new InvalidOperationException(
                $"IdaasCallbackOptions.SigningKeys.MaxResponseBytes must be positive, but it is {keySettings.MaxResponseBytes}.");
        }
    }

    // An inline JWKS without a usable key leaves the cache empty, so lookups return KeysUnavailable: the sender
    // keeps retrying, and its callbacks succeed once the setting is fixed.
    private SigningKeySet? LoadInline(string json)
    {
        var result = JwksParser.Parse(json);
        if (result.DocumentError is not null)
        {
            Log.InlineJwksUnusable(_logger, result.DocumentError);
            return null;
        }

        JwksLoader.LogSkippedEntries(_logger, result.SkippedEntries, InlineSource);
        if (result.Keys.Count == 0)
        {
            Log.InlineJwksUnusable(_logger, $"none of its {result.EntryCount} entries is an RSA signing key of at least {JwksEntryParser.MinModulusBits} bits");
            return null;
        }

        var keys = new SigningKeySet(result.Keys, _timeProvider.GetUtcNow());
        Log.InlineJwksLoaded(_logger, keys);
        return keys;
    }
}
