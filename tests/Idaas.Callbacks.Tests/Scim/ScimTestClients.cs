using Idaas.Callbacks.Scim;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Tests.Scim;

internal static class ScimTestClients
{
    public static readonly Uri BaseAddress = new("http://127.0.0.1/scim/v2/idaas_t1/app_a1");

    public static ScimClientOptions BearerOptions(Action<ScimClientOptions>? configure = null)
    {
        var options = new ScimClientOptions
        {
            BaseAddress = BaseAddress,
            BearerToken = "static-token-123",
            RequestTimeout = Timeout.InfiniteTimeSpan,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ScimClient Create(ScriptedScimHandler handler, ScimClientOptions? options = null, TimeProvider? time = null, ILogger<ScimClient>? logger = null)
        => new(new HttpClient(handler), options ?? BearerOptions(), time ?? new AutoAdvancingTimeProvider(), logger);

    public static string User(string id, string userName, string? version = null)
        => $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{id}}","userName":"{{userName}}","active":true{{(version is null ? "" : $$""","meta":{"version":"{{version.Replace("\"", "\\\"", StringComparison.Ordinal)}}"}""")}}}""";

    public static string List(int total, int startIndex, params string[] resources)
        => $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":{{total}},"startIndex":{{startIndex}},"itemsPerPage":{{resources.Length}},"Resources":[{{string.Join(",", resources)}}]}""";
}
