using System.Text.Json;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Tests.Support;

namespace Idaas.Callbacks.Testing.Tests.Scim;

/// <summary>SCIM writes emit the directory's callback events, which the facade delivers as signed callbacks.</summary>
public sealed class ScimCallbackTests
{
    private static readonly Uri Target = new("http://receiver.test/idaas/callbacks");

    [Fact]
    public async Task Facade_SharesDirectoryWithScim()
    {
        await using var harness = new ScimHarness();
        var userId = harness.Simulator.Directory.CreateUser("dana").ObjectId;

        var read = await harness.GetAsync($"Users/{userId}");

        harness.Simulator.Scim.BasePath.Should().Be("/v2/idaas_simtenant01/app_simapp01/scim");
        harness.Simulator.Scim.TokenPath.Should().Be("/v2/idaas_simtenant01/app_simapp01/oauth2/token");
        read.Status.Should().Be(System.Net.HttpStatusCode.OK);
        harness.Simulator.DeliverScimChanges.Should().BeTrue();
    }

    [Fact]
    public async Task ScimWrites_DeliverSignedCallbacks()
    {
        await using var harness = new ScimHarness();
        using var receiver = new RecordingHandler(harness.Time);
        harness.Simulator.ConnectTo(Target, receiver);

        var user = await harness.CreateUserAsync("rowan");
        var id = user["id"]!.GetValue<string>();
        await harness.PatchUserAsync(id, """{"op":"replace","path":"displayName","value":"Rowan Vale"}""", """{"op":"replace","path":"active","value":false}""");
        await harness.SendAsync(HttpMethod.Delete, $"Users/{id}");
        await harness.Simulator.WaitUntilSettledAsync();

        var callbacks = receiver.Requests.Select(EventTypes).ToList();
        callbacks.Should().HaveCount(3);
        callbacks.Should().ContainEquivalentOf(new[] { IdaasEventTypes.UserCreated });
        callbacks.Should().ContainEquivalentOf(new[] { IdaasEventTypes.UserInfoUpdated, IdaasEventTypes.UserDisabled });
        callbacks.Should().ContainEquivalentOf(new[] { IdaasEventTypes.UserDeleted });
        receiver.Requests.Should().OnlyContain(r => r.Token.Split('.').Length == 3);
        harness.Simulator.Delivery!.Log.Should().HaveCount(3);
    }

    [Fact]
    public async Task GroupWrites_EmitMemberEvents()
    {
        await using var harness = new ScimHarness();
        var first = (await harness.CreateUserAsync("first"))["id"]!.GetValue<string>();
        var second = (await harness.CreateUserAsync("second"))["id"]!.GetValue<string>();

        var group = await harness.CreateGroupAsync("Ops", first);
        var id = group["id"]!.GetValue<string>();
        await harness.SendAsync(HttpMethod.Patch, $"Groups/{id}", ScimHarness.Patch(
            $$"""{"op":"add","path":"members","value":[{"value":"{{second}}"}]}""",
            $$"""{"op":"remove","path":"members[value eq \"{{first}}\"]"}"""));

        var changes = harness.Simulator.Scim.Changes;
        changes[2].Events.Select(e => e.EventType).Should().Equal(IdaasEventTypes.GroupCreated, IdaasEventTypes.GroupUserAdded);
        changes[3].Events.Select(e => e.EventType).Should().Equal(IdaasEventTypes.GroupUserRemoved, IdaasEventTypes.GroupUserAdded);
        changes[3].Events.Select(e => e.BizData["userId"]!.GetValue<string>()).Should().Equal(first, second);
    }

    [Fact]
    public async Task PasswordAndEnable_EmitTheirEvents()
    {
        await using var harness = new ScimHarness();
        var id = (await harness.CreateUserAsync("rowan", ""","active":false"""))["id"]!.GetValue<string>();

        await harness.PatchUserAsync(id, """{"op":"replace","value":{"active":true,"password":"N3w!"}}""");

        var changes = harness.Simulator.Scim.Changes;
        changes[0].Events.Select(e => e.EventType).Should().Equal(IdaasEventTypes.UserCreated, IdaasEventTypes.UserDisabled);
        changes[1].Events.Select(e => e.EventType).Should().Equal(IdaasEventTypes.UserPasswordUpdated, IdaasEventTypes.UserEnabled);
    }

    [Fact]
    public async Task DeliverScimChangesOff_SendsNothing()
    {
        await using var harness = new ScimHarness();
        using var receiver = new RecordingHandler(harness.Time);
        harness.Simulator.ConnectTo(Target, receiver);
        harness.Simulator.DeliverScimChanges = false;

        await harness.CreateUserAsync("rowan");
        await harness.Simulator.WaitUntilSettledAsync();

        receiver.Requests.Should().BeEmpty();
        harness.Simulator.Scim.Changes.Should().ContainSingle();
    }

    [Fact]
    public async Task ScimCreate_ReachesSdkReceiver()
    {
        // The receiver checks token times against the system clock, so the fake clock starts at the real time.
        await using var harness = new ScimHarness(start: DateTimeOffset.UtcNow);
        await harness.Simulator.StartJwksServerAsync();
        await using var host = await ReceiverHost.StartAsync(harness.Simulator);
        harness.Simulator.ConnectTo(host.CallbackUri);

        await harness.CreateUserAsync("rowan.vale@example.test");
        await harness.Simulator.WaitUntilSettledAsync();

        var delivery = harness.Simulator.Delivery!.Log.Should().ContainSingle().Subject;
        delivery.AllSucceeded.Should().BeTrue();
        delivery.Attempts.Should().ContainSingle().Which.StatusCode.Should().Be(200);
    }

    private static string[] EventTypes(RecordedRequest request)
    {
        var eventData = request.Payload.GetProperty("plainData").GetProperty("eventData").GetString()!;
        return [.. JsonDocument.Parse(eventData).RootElement.EnumerateArray().Select(e => e.GetProperty("eventType").GetString()!)];
    }
}
