using Idaas.Callbacks.Encryption;
using Idaas.Callbacks.Keys.Internal;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks;

/// <summary>
/// Validates <see cref="IdaasCallbackOptions"/> at start-up. Each message names the setting and the fix.
/// </summary>
internal sealed class IdaasCallbackOptionsValidator : IValidateOptions<IdaasCallbackOptions>
{
    private const int MinSizeBytes = 1024;
    private const int MaxSizeBytes = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, IdaasCallbackOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            failures.Add("IdaasCallbackOptions.ApplicationId is required: set it to the IDaaS application id (app_...), which every callback carries as its aud claim.");
        }

        ValidateKeySource(options, failures);
        ValidateEncryptionKey(options, failures);

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"IdaasCallbackOptions.ClockSkew is {options.ClockSkew}; set it between 00:00:00 and 00:05:00 (default 00:01:00).");
        }

        AddIfOutOfRange(failures, "IdaasCallbackOptions.MaxBodyBytes", options.MaxBodyBytes, MinSizeBytes, MaxSizeBytes);
        AddIfOutOfRange(failures, "IdaasCallbackOptions.MaxTokenBytes", options.MaxTokenBytes, MinSizeBytes, MaxSizeBytes);
        ValidateSigningKeyOptions(options.SigningKeys, failures);
        ValidateInboxOptions(options.Inbox, failures);
        ValidateDispatcherOptions(options.Dispatcher, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateKeySource(IdaasCallbackOptions options, List<string> failures)
    {
        var hasEndpoint = options.PublicKeyEndpoint is not null;
        var hasInline = !string.IsNullOrWhiteSpace(options.JsonWebKeySet);
        if (hasEndpoint == hasInline)
        {
            failures.Add(hasEndpoint
                ? "IdaasCallbackOptions.PublicKeyEndpoint and JsonWebKeySet are both set: keep one key source."
                : "IdaasCallbackOptions.PublicKeyEndpoint is required: set it to the application's Public Key Endpoint (https://.../provisioning/jwks), or set JsonWebKeySet to the JWKS JSON.");
            return;
        }

        if (hasEndpoint && !JwksEndpointPolicy.IsAllowed(options.PublicKeyEndpoint!))
        {
            failures.Add($"IdaasCallbackOptions.PublicKeyEndpoint '{JwksEndpointPolicy.Describe(options.PublicKeyEndpoint!)}' must be an absolute https URL; plain http is allowed only for loopback hosts.");
        }

        if (hasInline)
        {
            var parsed = JwksParser.Parse(options.JsonWebKeySet!);
            if (parsed.DocumentError is not null)
            {
                failures.Add($"IdaasCallbackOptions.JsonWebKeySet is not a JWKS ({parsed.DocumentError}): set it to a JSON object with a \"keys\" array, as served by the Public Key Endpoint.");
            }
            else if (parsed.Keys.Count == 0)
            {
                failures.Add($"IdaasCallbackOptions.JsonWebKeySet has {parsed.EntryCount} entries but no usable RS256 key (kty RSA, use sig or absent, a modulus of 2048 to 8192 bits): copy the JWKS from the Public Key Endpoint again.");
            }
        }
    }

    private static void ValidateEncryptionKey(IdaasCallbackOptions options, List<string> failures)
    {
        if (options.EncryptionKey is not null && !BusinessDataDecryptor.TryParseHexKey(options.EncryptionKey, out _))
        {
            failures.Add($"IdaasCallbackOptions.EncryptionKey must be 64 hexadecimal characters (an AES-256 key, as shown in the IDaaS console); the configured value has {options.EncryptionKey.Length} characters or other characters. Remove the setting to accept only unencrypted callbacks.");
        }
    }

    private static void ValidateSigningKeyOptions(SigningKeyOptions keys, List<string> failures)
    {
        if (keys.FetchTimeout < TimeSpan.FromMilliseconds(100) || keys.FetchTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add($"IdaasCallbackOptions.SigningKeys.FetchTimeout is {keys.FetchTimeout}; set it between 00:00:00.1 and 00:00:30 (default 00:00:05), below the 10 second acknowledgement budget.");
        }

        if (keys.RefreshCooldown < TimeSpan.Zero || keys.RefreshCooldown > TimeSpan.FromHours(1))
        {
            failures.Add($"IdaasCallbackOptions.SigningKeys.RefreshCooldown is {keys.RefreshCooldown}; set it between 00:00:00 and 01:00:00 (default 00:00:30).");
        }

        if (keys.RefreshInterval != TimeSpan.Zero && keys.RefreshInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add($"IdaasCallbackOptions.SigningKeys.RefreshInterval is {keys.RefreshInterval}; set it to 00:00:00 (off) or at least 00:01:00 (default 12:00:00).");
        }

        AddIfOutOfRange(failures, "IdaasCallbackOptions.SigningKeys.MaxResponseBytes", keys.MaxResponseBytes, MinSizeBytes, 16 * 1024 * 1024);
    }

    private static void ValidateInboxOptions(InboxOptions inbox, List<string> failures)
    {
        AddIfOutOfRange(failures, "IdaasCallbackOptions.Inbox.Capacity", inbox.Capacity, 1, 10_000_000, "events");
        AddIfOutOfRange(failures, "IdaasCallbackOptions.Inbox.MaxDeduplicationEntries", inbox.MaxDeduplicationEntries, 1_000, 10_000_000, "event ids");
        if (inbox.DeduplicationWindow < TimeSpan.FromHours(1))
        {
            failures.Add($"IdaasCallbackOptions.Inbox.DeduplicationWindow is {inbox.DeduplicationWindow}; set it to at least 01:00:00 (default 1.00:00:00), longer than IDaaS keeps retrying.");
        }
    }

    private static void ValidateDispatcherOptions(DispatcherOptions dispatcher, List<string> failures)
    {
        AddIfOutOfRange(failures, "IdaasCallbackOptions.Dispatcher.MaxParallelism", dispatcher.MaxParallelism, 1, 256, "handler calls");
        AddIfOutOfRange(failures, "IdaasCallbackOptions.Dispatcher.MaxAttempts", dispatcher.MaxAttempts, 1, 100, "attempts");
        AddIfOutOfRange(failures, "IdaasCallbackOptions.Dispatcher.DeadLetterCapacity", dispatcher.DeadLetterCapacity, 1, 1_000_000, "dead letters");

        if (dispatcher.RetryBaseDelay < TimeSpan.Zero || dispatcher.RetryBaseDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"IdaasCallbackOptions.Dispatcher.RetryBaseDelay is {dispatcher.RetryBaseDelay}; set it between 00:00:00 and 01:00:00 (default 00:00:01).");
        }

        if (dispatcher.RetryMaxDelay < dispatcher.RetryBaseDelay || dispatcher.RetryMaxDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"IdaasCallbackOptions.Dispatcher.RetryMaxDelay is {dispatcher.RetryMaxDelay}; set it between RetryBaseDelay ({dispatcher.RetryBaseDelay}) and 1.00:00:00 (default 00:05:00).");
        }

        if (!Enum.IsDefined(dispatcher.StaleEventPolicy))
        {
            failures.Add($"IdaasCallbackOptions.Dispatcher.StaleEventPolicy is {dispatcher.StaleEventPolicy}; set it to Deliver (default) or Skip.");
        }
    }

    private static void AddIfOutOfRange(List<string> failures, string setting, int value, int minimum, int maximum, string unit = "bytes")
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{setting} is {value} {unit}; set it between {minimum} and {maximum} {unit}.");
        }
    }
}
