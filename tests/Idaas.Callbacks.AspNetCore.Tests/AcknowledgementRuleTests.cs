using System.Net;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.AspNetCore.Tests;

public sealed class AcknowledgementRuleTests
{
    private const string FutureEventType = IdaasEventTypes.Prefix + "ud:future:thing";

    [Fact]
    public async Task HandledEvent_IsEnqueuedAndSuccess()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.PostEventsAsync(TestCallbacks.UserCreated());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var acknowledged = await TestCallbacks.ReadAcknowledgementAsync(response);
        acknowledged.Success.Should().Equal("evnt_0001");
        acknowledged.Skipped.Should().BeEmpty();
        acknowledged.Failed.Should().BeEmpty();
        acknowledged.Retried.Should().BeEmpty();
        host.Inbox.Count.Should().Be(1);
    }

    [Fact]
    public async Task DuplicateDelivery_IsSuccessAndNotEnqueuedTwice()
    {
        await using var host = await CallbackTestHost.StartAsync();
        using var first = await host.PostEventsAsync(TestCallbacks.UserCreated());

        using var second = await host.PostEventsAsync(TestCallbacks.UserCreated());

        (await TestCallbacks.ReadAcknowledgementAsync(first)).Success.Should().Equal("evnt_0001");
        (await TestCallbacks.ReadAcknowledgementAsync(second)).Success.Should().Equal("evnt_0001");
        (await second.Content.ReadAsStringAsync()).Should().Contain("\"eventMessage\":\"duplicate\"");
        host.Inbox.Count.Should().Be(1);
    }

    [Fact]
    public async Task EventTypeWithoutHandler_IsSkipped()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var events = TestCallbacks.Events()
            .AddEvent("evnt_0001", IdaasEventTypes.GroupCreated, TestCallbacks.T0, "group_0001", """{"groupId":"group_0001","groupName":"ops"}""");

        using var response = await host.PostEventsAsync(events);

        var acknowledged = await TestCallbacks.ReadAcknowledgementAsync(response);
        acknowledged.Skipped.Should().Equal("evnt_0001");
        acknowledged.Success.Should().BeEmpty();
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"eventCode\":\"auto_skipped\"");
        host.Inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task UnrecognizedEvent_IsSkipped()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var events = TestCallbacks.Events().AddEvent("evnt_0001", FutureEventType, TestCallbacks.T0, "thing_0001", "{}");

        using var response = await host.PostEventsAsync(events);

        (await TestCallbacks.ReadAcknowledgementAsync(response)).Skipped.Should().Equal("evnt_0001");
        host.Inbox.Count.Should().Be(0);
    }

    [Fact]
    public async Task UnrecognizedEvent_WithBaseHandler_IsEnqueued()
    {
        await using var host = await CallbackTestHost.StartAsync(configureBuilder: builder =>
            builder.Services.AddIdaasCallbacks(_ => { }).AddHandler<AllEventsHandler>());
        var events = TestCallbacks.Events().AddEvent("evnt_0001", FutureEventType, TestCallbacks.T0, "thing_0001", "{}");

        using var response = await host.PostEventsAsync(events);

        (await TestCallbacks.ReadAcknowledgementAsync(response)).Success.Should().Equal("evnt_0001");
        var entry = (await host.ReadInboxAsync(1)).Single();
        entry.Event.Should().BeOfType<UnrecognizedEvent>();
    }

    [Fact]
    public async Task UndecodableEvent_IsFailedAndRestSucceed()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var events = TestCallbacks.UserCreated("evnt_0001")
            .AddRawEvent("""{"eventId":"evnt_bad","eventTime":"","bizId":"user_0002","bizData":"{}","eventType":"urn:alibaba:idaas:app:event:ud:user:create"}""")
            .AddRawEvent("""{"eventTime":"1764576000000","bizData":"{}","eventType":"urn:alibaba:idaas:app:event:ud:user:create"}""");

        using var response = await host.PostEventsAsync(events);

        var acknowledged = await TestCallbacks.ReadAcknowledgementAsync(response);
        acknowledged.Success.Should().Equal("evnt_0001");
        acknowledged.Failed.Should().Equal("evnt_bad");
        acknowledged.Skipped.Should().BeEmpty();
        host.Inbox.Count.Should().Be(1);
    }

    [Fact]
    public async Task FailedEventWithListedId_IsListedOnce()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var events = TestCallbacks.UserCreated("evnt_0001")
            .AddRawEvent("""{"eventId":"evnt_0001","eventTime":"","bizId":"user_0001","bizData":"{}","eventType":"urn:alibaba:idaas:app:event:ud:user:create"}""");

        using var response = await host.PostEventsAsync(events);

        var acknowledged = await TestCallbacks.ReadAcknowledgementAsync(response);
        acknowledged.Success.Should().Equal("evnt_0001");
        acknowledged.Failed.Should().BeEmpty();
    }

    [Fact]
    public async Task RepeatedEventIdInBatch_IsListedOnce()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var events = TestCallbacks.UserCreated("evnt_0001")
            .AddEvent("evnt_0001", IdaasEventTypes.UserDisabled, TestCallbacks.T0, "user_0001", TestCallbacks.UserData("rowan.vale"));

        using var response = await host.PostEventsAsync(events);

        (await TestCallbacks.ReadAcknowledgementAsync(response)).Success.Should().Equal("evnt_0001");
        host.Inbox.Count.Should().Be(1);
    }

    [Fact]
    public async Task MixedBatch_ListsEachEventOnce()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var events = TestCallbacks.UserCreated("evnt_0001")
            .AddEvent("evnt_0002", IdaasEventTypes.OrganizationalUnitCreated, TestCallbacks.T0, "ou_0001", """{"organizationalUnitId":"ou_0001"}""")
            .AddEvent("evnt_0003", FutureEventType, TestCallbacks.T0, "thing_0001", "{}");

        using var response = await host.PostEventsAsync(events);

        var acknowledged = await TestCallbacks.ReadAcknowledgementAsync(response);
        acknowledged.Success.Should().Equal("evnt_0001");
        acknowledged.Skipped.Should().Equal("evnt_0002", "evnt_0003");
        host.Inbox.Count.Should().Be(1);
    }

    private sealed class AllEventsHandler : IIdaasEventHandler<IdaasEvent>
    {
        public Task HandleAsync(IdaasEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
