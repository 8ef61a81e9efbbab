using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Events;
using Microsoft.Extensions.Logging;
using Idaas.Callbacks.Tests.Support;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>Stable log event ids across both packages, and no secret in logs or spans on the failure paths.</summary>
public sealed class LoggingContractTests
{
    private const string Password = "S3cret-Pa55-log-check";

    [Fact]
    public void EventIds_AreUniqueAndNamed()
    {
        var messages = new[] { typeof(CallbackReceiver).Assembly, typeof(IdaasCallbacksEndpointRouteBuilderExtensions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .ToList();

        messages.Should().NotBeEmpty();
        messages.Should().OnlyContain(pair => pair.Attribute!.EventId > 0, "every message needs an explicit event id");
        messages.Should().OnlyContain(pair => !string.IsNullOrEmpty(pair.Attribute!.EventName), "every message needs an event name");
        messages.GroupBy(pair => pair.Attribute!.EventId).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(pair => pair.Method.DeclaringType!.FullName + "." + pair.Method.Name))}")
            .Should().BeEmpty("an event id must name one message");
    }

    [Fact]
    public async Task FailingHandler_LogsNoTokenOrPassword()
    {
        using var recorder = new ActivityRecorder();
        await using var host = await CallbackTestHost.StartAsync(options => options.Dispatcher.MaxAttempts = 1, runDispatcher: true);
        host.Recorded.Gate = Task.FromException(new InvalidOperationException("The handler saw password " + Password));
        var data = JsonSerializer.Serialize(new { userId = "user_0001", username = "rowan.vale", password = Password });
        var events = TestCallbacks.Events().AddEvent("evnt_log_check", IdaasEventTypes.UserCreated, TestCallbacks.T0, "user_0001", data);
        var body = TestCallbacks.Body(events, tokenId: "jti-log-check");

        using var response = await host.PostAsync(body);
        await WaitUntilInboxIsEmptyAsync(host);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Recorded.Calls.Should().ContainSingle().Which.Event.User.Password.Should().Be(Password, "the handler must have seen the password");
        host.Logs.Should().Contain(log => log.Id.Name == "HandlerGaveUp", "the failure path must have run");
        var token = Encoding.UTF8.GetString(body)[10..^2];
        var signature = token[(token.LastIndexOf('.') + 1)..];
        AssertNoSecret(host, recorder, signature, "the token signature");
        AssertNoSecret(host, recorder, Password, "the password");
    }

    [Fact]
    public async Task TamperedToken_LogsNoToken()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var token = TestCallbacks.Token(TestCallbacks.UserCreated().ToJson());
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var response = await host.PostAsync(Encoding.UTF8.GetBytes($"{{\"event\":\"{tampered}\"}}"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var signature = tampered[(tampered.LastIndexOf('.') + 1)..];
        host.Logs.Should().NotBeEmpty();
        host.Logs.Should().NotContain(log => log.Message.Contains(signature, StringComparison.Ordinal));
    }

    private static void AssertNoSecret(CallbackTestHost host, ActivityRecorder recorder, string secret, string what)
    {
        host.Logs.Should().NotContain(log => log.Message.Contains(secret, StringComparison.Ordinal), $"no log message may contain {what}");
        host.Logs.Should().NotContain(
            log => log.StructuredState != null && log.StructuredState.Any(pair => pair.Value != null && pair.Value.Contains(secret, StringComparison.Ordinal)),
            $"no log value may contain {what}");
        host.Logs.Should().NotContain(log => log.Exception != null && log.Exception.ToString().Contains(secret, StringComparison.Ordinal), $"no logged exception may contain {what}");
        recorder.Stopped.SelectMany(activity => activity.TagObjects)
            .Select(tag => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
            .Should().NotContain(value => value.Contains(secret, StringComparison.Ordinal), $"no span tag may contain {what}");
    }

    private static async Task WaitUntilInboxIsEmptyAsync(CallbackTestHost host)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (host.Inbox.Count > 0 && !limit.IsCancellationRequested)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        host.Inbox.Count.Should().Be(0);
    }
}
