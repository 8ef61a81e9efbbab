using System.Text.Json;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>Builds signed callback bodies and reads the endpoint's responses.</summary>
internal static class TestCallbacks
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static SyncEventBuilder Events() => new(CallbackTestHost.InstanceId);

    /// <summary>Returns a batch with one user:create event for user_0001.</summary>
    public static SyncEventBuilder UserCreated(string eventId = "evnt_0001")
        => Events().AddEvent(eventId, IdaasEventTypes.UserCreated, T0, "user_0001", UserData("rowan.vale"));

    public static string UserData(string username, string? displayName = null)
        => JsonSerializer.Serialize(new { userId = "user_0001", username, displayName = displayName ?? username });

    /// <summary>Signs the business data of <paramref name="events"/> now and wraps the token in the request body.</summary>
    public static byte[] Body(SyncEventBuilder events, string? tokenId = null)
        => CallbackTokenSigner.CreateRequestBody(Token(events.ToJson(), tokenId));

    public static string Token(string plainData, string? tokenId = null) => CallbackTestHost.Signer.CreateToken(new CallbackTokenDescriptor
    {
        InstanceId = CallbackTestHost.InstanceId,
        ApplicationId = CallbackTestHost.ApplicationId,
        IssuedAt = DateTimeOffset.UtcNow,
        TokenId = tokenId,
        PlainData = plainData,
    });

    /// <summary>Reads the acknowledgement and returns the event ids of each of its four lists.</summary>
    public static async Task<Acknowledged> ReadAcknowledgementAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        return new Acknowledged(Ids(root, "successEvents"), Ids(root, "skippedEvents"), Ids(root, "failedEvents"), Ids(root, "retriedEvents"));
    }

    /// <summary>Reads a problem details body as a JSON element that outlives the response.</summary>
    public static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static string[] Ids(JsonElement root, string list)
        => [.. root.GetProperty(list).EnumerateArray().Select(result => result.GetProperty("eventId").GetString()!)];
}

/// <summary>The event ids of the four lists of an acknowledgement.</summary>
internal sealed record Acknowledged(string[] Success, string[] Skipped, string[] Failed, string[] Retried);
