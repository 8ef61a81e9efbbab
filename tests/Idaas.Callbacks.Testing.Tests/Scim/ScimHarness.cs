using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>A response of the simulated SCIM service: status, parsed JSON body (when JSON) and the raw message.</summary>
internal sealed record ScimResult(HttpStatusCode Status, JsonNode? Body, string Text, HttpResponseMessage Response)
{
    public JsonObject Json => (JsonObject)Body!;

    public string? ScimType => Body?["scimType"]?.GetValue<string>();

    public string? ETag => Response.Headers.ETag?.ToString();

    public IReadOnlyList<JsonObject> Resources => [.. (Json[nameof(Resources)] as JsonArray ?? []).Select(r => (JsonObject)r!)];
}

/// <summary>A simulator on a fake clock with an <see cref="HttpClient"/> on its SCIM service, authenticated by a static token.</summary>
internal sealed class ScimHarness : IAsyncDisposable
{
    public const string StaticToken = "static-test-token";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public ScimHarness(int requestsPerSecond = 0, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        Simulator = new IdaasSimulator(new SimulatorOptions { InstanceId = "idaas_simtenant01", ApplicationId = "app_simapp01" }, Time);
        Simulator.Scim.Options.StaticBearerToken = StaticToken;
        Simulator.Scim.Options.ClientId = "client-1";
        Simulator.Scim.Options.ClientSecret = "secret-1";
        Simulator.Scim.Options.RequestsPerSecond = requestsPerSecond;
        Handler = Simulator.Scim.CreateHandler();
        Client = new HttpClient(Handler, disposeHandler: false) { BaseAddress = new Uri("http://idaas.test" + Simulator.Scim.BasePath + "/") };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaticToken);
    }

    public FakeTimeProvider Time { get; }

    public IdaasSimulator Simulator { get; }

    public HttpMessageHandler Handler { get; }

    public HttpClient Client { get; }

    public static string Quote(string value) => JsonValue.Create(value).ToJsonString();

    public static string Filter(string filter) => "filter=" + Uri.EscapeDataString(filter);

    public static string Patch(params string[] operations)
        => $$"""{"schemas":["{{PatchSchema}}"],"Operations":[{{string.Join(",", operations)}}]}""";

    public static async Task<ScimResult> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/scim+json");
        }

        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/scim+json" or "application/json" && text.Length > 0)
        {
            body = JsonNode.Parse(text);
        }

        return new ScimResult(response.StatusCode, body, text, response);
    }

    public Task<ScimResult> SendAsync(HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? configure = null)
        => SendAsync(Client, method, path, json, configure);

    public Task<ScimResult> GetAsync(string path, Action<HttpRequestMessage>? configure = null) => SendAsync(HttpMethod.Get, path, null, configure);

    public async Task<JsonObject> CreateUserAsync(string userName, string extraJson = "")
    {
        var result = await SendAsync(HttpMethod.Post, "Users", $$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":{{{Quote(userName)}}}{{{extraJson}}}}""");
        result.Status.Should().Be(HttpStatusCode.Created, result.Text);
        return result.Json;
    }

    public async Task<JsonObject> CreateGroupAsync(string displayName, params string[] memberIds)
    {
        var members = string.Join(",", memberIds.Select(id => $$$"""{"value":{{{Quote(id)}}}}"""));
        var result = await SendAsync(HttpMethod.Post, "Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":{{Quote(displayName)}},"members":[{{members}}]}""");
        result.Status.Should().Be(HttpStatusCode.Created, result.Text);
        return result.Json;
    }

    public async Task<JsonObject> PatchUserAsync(string id, params string[] operations)
    {
        var result = await SendAsync(HttpMethod.Patch, $"Users/{id}", Patch(operations));
        result.Status.Should().Be(HttpStatusCode.OK, result.Text);
        return result.Json;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Handler.Dispose();
        await Simulator.DisposeAsync();
    }
}
