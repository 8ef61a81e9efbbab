using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Tests;

public class SyncEventBuilderTests
{
    // The plaintext of a real IDaaS token from March 2022 (a user delete), byte for byte.
    private const string RealPlaintext = """
        {"instanceId":"idaas_2w4vmfrynxi7ae25mt7k5e4opi","eventData":"[{\"eventId\":\"evnt_aaaac76zx6x3lxfwgp2f2vm4kvhiv2gi33kqc7q\",\"eventTime\":\"1648625692578\",\"bizId\":\"user_ossx3qxxixacimjwpwqdmmofr4\",\"bizData\":\"{\\\"userId\\\":\\\"user_ossx3qxxixacimjwpwqdmmofr4\\\"}\",\"eventType\":\"urn:alibaba:idaas:app:event:ud:user:delete\"}]","eventVersion":"V1.0","aliUid":"1021806970344813"}
        """;

    [Fact]
    public void RealEvent_IsReproducedExactly()
    {
        var builder = new SyncEventBuilder("idaas_2w4vmfrynxi7ae25mt7k5e4opi") { AliUid = "1021806970344813" };
        builder.AddEvent(
            "evnt_aaaac76zx6x3lxfwgp2f2vm4kvhiv2gi33kqc7q",
            "urn:alibaba:idaas:app:event:ud:user:delete",
            DateTimeOffset.FromUnixTimeMilliseconds(1648625692578),
            "user_ossx3qxxixacimjwpwqdmmofr4",
            """{"userId":"user_ossx3qxxixacimjwpwqdmmofr4"}""");

        var json = builder.ToJson();

        json.Should().Be(RealPlaintext);
    }

    [Fact]
    public void EventData_IsStringHoldingArray()
    {
        var builder = new SyncEventBuilder("idaas_x") { WriteEventTimeAsString = false };
        builder.AddEvent("evnt_1", "urn:x", DateTimeOffset.FromUnixTimeMilliseconds(5), "user_1", new JsonObject { ["userId"] = "user_1" });
        builder.AddRawEvent("""{"eventId":"evnt_2","eventTime":""}""");

        using var document = JsonDocument.Parse(builder.ToUtf8Json());

        var root = document.RootElement;
        root.GetProperty("eventVersion").GetString().Should().Be("V1.0");
        root.GetProperty("aliUid").GetString().Should().Be(SyncEventBuilder.DefaultAliUid);
        using var events = JsonDocument.Parse(root.GetProperty("eventData").GetString()!);
        events.RootElement.GetArrayLength().Should().Be(2);
        var first = events.RootElement[0];
        first.GetProperty("eventTime").GetInt64().Should().Be(5);
        first.GetProperty("bizData").GetString().Should().Be("""{"userId":"user_1"}""");
        events.RootElement[1].GetProperty("eventTime").GetString().Should().BeEmpty();
        builder.Count.Should().Be(2);
    }

    [Fact]
    public void NoEvents_WritesEmptyArrayString()
    {
        var json = new SyncEventBuilder("idaas_x").ToJson();

        json.Should().Be("""{"instanceId":"idaas_x","eventData":"[]","eventVersion":"V1.0","aliUid":"1000000000000001"}""");
    }

    [Fact]
    public void MalformedRawEvent_ThrowsWhenAdded()
    {
        var builder = new SyncEventBuilder("idaas_x");

        var add = () => builder.AddRawEvent("{not json");

        add.Should().Throw<JsonException>();
        builder.Count.Should().Be(0);
    }
}
