using Idaas.Callbacks.Keys.Internal;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Validates <see cref="ScimClientOptions"/> at start-up. Each message names the setting and the fix, and never
/// contains a token or a secret.
/// </summary>
internal sealed class ScimClientOptionsValidator : IValidateOptions<ScimClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ScimClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.BaseAddress is null)
        {
            failures.Add("ScimClientOptions.BaseAddress is required: set it to the application's SCIM base URL from the IDaaS console.");
        }
        else if (!JwksEndpointPolicy.IsAllowed(options.BaseAddress))
        {
            failures.Add($"ScimClientOptions.BaseAddress '{JwksEndpointPolicy.Describe(options.BaseAddress)}' must be an absolute https URL; plain http is allowed only for localhost and loopback addresses.");
        }

        ValidateAuthentication(options, failures);

        AddIfOutOfRange(failures, "RequestsPerSecond", options.RequestsPerSecond, 0, 10_000, "default 100; 0 turns the client-side limit off");
        AddIfOutOfRange(failures, "MaxRetryAttempts", options.MaxRetryAttempts, 0, 20, "default 4");
        AddIfOutOfRange(failures, "MaxResponseBytes", options.MaxResponseBytes, 1024, 256 * 1024 * 1024, "default 8388608");
        AddIfOutOfRange(failures, "RetryBaseDelay", options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1), "default 00:00:01");
        AddIfOutOfRange(failures, "RetryMaxDelay", options.RetryMaxDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10), "default 00:00:30");
        AddIfOutOfRange(failures, "MaxRetryWait", options.MaxRetryWait, TimeSpan.Zero, TimeSpan.FromHours(1), "default 00:02:00");
        AddIfOutOfRange(failures, "TokenRefreshMargin", options.TokenRefreshMargin, TimeSpan.Zero, TimeSpan.FromHours(1), "default 00:01:00");
        if (options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            AddIfOutOfRange(failures, "RequestTimeout", options.RequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), "default 00:00:30, or Timeout.InfiniteTimeSpan for none");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAuthentication(ScimClientOptions options, List<string> failures)
    {
        var hasToken = !string.IsNullOrWhiteSpace(options.BearerToken);
        var credentials = options.ClientCredentials;
        if (hasToken == (credentials is not null))
        {
            failures.Add(hasToken
                ? "ScimClientOptions.BearerToken and ClientCredentials are both set: keep one way to authenticate."
                : "ScimClientOptions.BearerToken or ClientCredentials is required: set the static token from the IDaaS console, or the client id and secret for client-credentials tokens.");
            return;
        }

        if (credentials is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(credentials.ClientId))
        {
            failures.Add("ScimClientOptions.ClientCredentials.ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(credentials.ClientSecret))
        {
            failures.Add("ScimClientOptions.ClientCredentials.ClientSecret is required.");
        }

        if (!Enum.IsDefined(credentials.ClientAuthentication))
        {
            failures.Add($"ScimClientOptions.ClientCredentials.ClientAuthentication '{credentials.ClientAuthentication}' is not Basic or Post.");
        }

        var endpoint = credentials.ResolveTokenEndpoint(options.BaseAddress);
        if (endpoint is null)
        {
            failures.Add("ScimClientOptions.ClientCredentials.TokenEndpoint is required unless InstanceId and ApplicationId are set, from which the client builds /v2/{InstanceId}/{ApplicationId}/oauth2/token on the BaseAddress host.");
        }
        else if (!JwksEndpointPolicy.IsAllowed(endpoint))
        {
            failures.Add($"ScimClientOptions.ClientCredentials.TokenEndpoint '{JwksEndpointPolicy.Describe(endpoint)}' must be an absolute https URL; plain http is allowed only for localhost and loopback addresses.");
        }
    }

    private static void AddIfOutOfRange<T>(List<string> failures, string setting, T value, T min, T max, string hint)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"ScimClientOptions.{setting} is {value}; set it between {min} and {max} ({hint}).");
        }
    }
}
