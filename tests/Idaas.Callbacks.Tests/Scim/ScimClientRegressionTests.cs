using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Scim;
using static Idaas.Callbacks.Tests.Scim.ScriptedScimHandler;

namespace Idaas.Callbacks.Tests.Scim;

/// <summary>Client behaviour that running against the simulator showed to be wrong, checked with scripted responses.</summary>
public sealed class ScimClientRegressionTests
{
    [Fact]
    public async Task Replace_AddsExtensionMissingFromReadSchemas()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada", "W/\"2\"")));
        using var client = ScimTestClients.Create(handler);
        var read = new ScimUser
        {
            Id = "u1",
            UserName = "ada",
            Schemas = [ScimSchemas.User, "urn:example:custom"],
            EnterpriseUser = new ScimEnterpriseUser { Department = "Ops" },
            AdditionalAttributes = new Dictionary<string, JsonElement> { ["urn:example:badge"] = JsonSerializer.SerializeToElement(new { badge = "B" }) },
        };

        await client.ReplaceUserAsync(read, "W/\"1\"");

        var schemas = JsonNode.Parse(handler.Requests.Single().Body!)!["schemas"]!.AsArray().Select(node => node!.GetValue<string>());
        schemas.Should().Equal(ScimSchemas.User, "urn:example:custom", ScimSchemas.EnterpriseUser, "urn:example:badge");
    }

    [Fact]
    public async Task Replace_DropsEnterpriseSchemaWithoutExtension()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada", "W/\"2\"")));
        using var client = ScimTestClients.Create(handler);

        await client.ReplaceUserAsync(new ScimUser { Id = "u1", UserName = "ada", Schemas = [ScimSchemas.User, ScimSchemas.EnterpriseUser] }, "W/\"1\"");

        var schemas = JsonNode.Parse(handler.Requests.Single().Body!)!["schemas"]!.AsArray().Select(node => node!.GetValue<string>());
        schemas.Should().Equal(ScimSchemas.User);
    }

    [Fact]
    public async Task RateLimit_NeverExceedsLimitInAnySecond()
    {
        var time = new AutoAdvancingTimeProvider();
        var sendTimes = new List<DateTimeOffset>();
        var handler = new ScriptedScimHandler((_, _) =>
        {
            lock (sendTimes)
            {
                sendTimes.Add(time.GetUtcNow());
            }

            return Json(HttpStatusCode.NotFound, """{"status":"404"}""");
        });
        using var client = ScimTestClients.Create(handler, ScimTestClients.BearerOptions(options => options.RequestsPerSecond = 10), time);

        for (var i = 0; i < 35; i++)
        {
            await client.GetUserAsync($"u{i}");
        }

        sendTimes.Should().HaveCount(35);
        for (var i = 10; i < sendTimes.Count; i++)
        {
            (sendTimes[i] - sendTimes[i - 10]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "request {0} is the 11th within one second otherwise", i);
        }

        (sendTimes[9] - sendTimes[0]).Should().BeLessThan(TimeSpan.FromSeconds(1), "the first 10 requests go at once");
    }

    [Fact]
    public async Task RateLimit_CountsFromResponseNotSend()
    {
        var time = new AutoAdvancingTimeProvider();
        var arrivals = new List<DateTimeOffset>();
        var handler = new ScriptedScimHandler((_, index) =>
        {
            // The first request reaches the server late, as one that waits for a new connection does.
            if (index == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(300));
            }

            arrivals.Add(time.GetUtcNow());
            return Json(HttpStatusCode.NotFound, """{"status":"404"}""");
        });
        using var client = ScimTestClients.Create(handler, ScimTestClients.BearerOptions(options => options.RequestsPerSecond = 10), time);

        for (var i = 0; i < 11; i++)
        {
            await client.GetUserAsync($"u{i}");
        }

        (arrivals[10] - arrivals[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), "a server counting arrivals over a sliding second must not see 11 requests in one");
    }

    [Fact]
    public async Task ConditionalGet_NotModifiedWithoutBody()
    {
        var handler = new ScriptedScimHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.NotModified);
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"3\"", isWeak: true);
            return response;
        });
        using var client = ScimTestClients.Create(handler);

        var result = await client.GetUserIfModifiedAsync("u1", "W/\"3\"");

        result.Status.Should().Be(ScimReadStatus.NotModified);
        result.Resource.Should().BeNull();
        result.Version.Should().Be("W/\"3\"");
        handler.Requests.Single().Method.Should().Be("GET");
    }

    [Fact]
    public async Task ConditionalGet_ChangedResourceReturned()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.OK, ScimTestClients.User("u1", "ada", "W/\"4\"")));
        using var client = ScimTestClients.Create(handler);

        var result = await client.GetUserIfModifiedAsync("u1", "W/\"3\"");

        result.Status.Should().Be(ScimReadStatus.Found);
        result.Resource!.UserName.Should().Be("ada");
        result.Version.Should().Be("W/\"4\"", "the resource's meta.version stands in for a missing ETag header");
    }

    [Fact]
    public async Task ConditionalGet_ErrorStatusThrows()
    {
        var handler = new ScriptedScimHandler((_, _) => Json(HttpStatusCode.BadRequest, """{"status":"400","scimType":"InvalidValue","detail":"bad"}"""));
        using var client = ScimTestClients.Create(handler);

        var read = () => client.GetUserIfModifiedAsync("u1", "W/\"3\"");

        (await read.Should().ThrowAsync<ScimException>()).Which.StatusCode.Should().Be(400);
    }

    [Theory]
    [InlineData(502, "<html><body>Bad gateway</body></html>", "text/html", "<html><body>Bad gateway")]
    [InlineData(500, "", "application/scim+json", "")]
    public async Task ErrorBody_NonJsonOrEmptyKeepsStatus(int status, string body, string mediaType, string excerptStart)
    {
        var handler = new ScriptedScimHandler((_, _) => Json((HttpStatusCode)status, body, mediaType));
        using var client = ScimTestClients.Create(handler, ScimTestClients.BearerOptions(options => options.TransientStatusCodes.Clear()));

        var read = () => client.GetUserAsync("u1");

        var failure = (await read.Should().ThrowAsync<ScimException>()).Which;
        failure.StatusCode.Should().Be(status);
        failure.Error.Should().BeNull();
        (failure.ResponseExcerpt ?? string.Empty).Should().StartWith(excerptStart);
        handler.Requests.Should().ContainSingle();
    }
}
