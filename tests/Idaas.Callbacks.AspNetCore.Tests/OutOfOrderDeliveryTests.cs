using System.Net;
using Idaas.Callbacks.AspNetCore.Tests.Support;
using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.AspNetCore.Tests;

/// <summary>
/// The endpoint keeps each event's time and batch position in the inbox, so that the dispatcher can order the
/// changes to one user by <c>eventTime</c>.
/// </summary>
public sealed class OutOfOrderDeliveryTests
{
    private static readonly (string EventId, string EventType, int Minute)[] UserHistory =
    [
        ("evnt_t0", IdaasEventTypes.UserCreated, 0),
        ("evnt_t1", IdaasEventTypes.UserInfoUpdated, 1),
        ("evnt_t2", IdaasEventTypes.UserInfoUpdated, 2),
        ("evnt_t3", IdaasEventTypes.UserDisabled, 3),
        ("evnt_t4", IdaasEventTypes.UserDeleted, 4),
    ];

    // The display name after each step of the true history.
    private static readonly string[] DisplayNames = ["Rowan Vale", "Rowan V.", "R. Vale", "R. Vale", "R. Vale"];

    [Fact]
    public async Task CallbacksOutOfOrder_KeepEventTimes()
    {
        await using var host = await CallbackTestHost.StartAsync();
        int[] deliveryOrder = [1, 0, 2, 3, 4];

        foreach (var step in deliveryOrder)
        {
            using var response = await host.PostEventsAsync(Batch(step));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var entries = await host.ReadInboxAsync(deliveryOrder.Length);
        entries.Select(entry => entry.Event.EventId).Should().Equal(deliveryOrder.Select(step => UserHistory[step].EventId));
        entries.Select(entry => entry.Event.EventTime).Should().Equal(deliveryOrder.Select(step => Time(step)));
        entries.Should().OnlyContain(entry => entry.Event.BatchIndex == 0 && entry.Event.BusinessId == "user_0001");
    }

    [Fact]
    public async Task ReversedEventsInOneCallback_KeepBatchIndex()
    {
        await using var host = await CallbackTestHost.StartAsync();

        using var response = await host.PostEventsAsync(Batch(2, 1));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entries = await host.ReadInboxAsync(2);
        entries.Select(entry => (entry.Event.EventId, entry.Event.BatchIndex, entry.Event.EventTime))
            .Should().Equal(("evnt_t2", 0, Time(2)), ("evnt_t1", 1, Time(1)));
        entries.Select(entry => ((UserEvent)entry.Event).User.DisplayName).Should().Equal("R. Vale", "Rowan V.");
    }

    private static DateTimeOffset Time(int step) => TestCallbacks.T0.AddMinutes(UserHistory[step].Minute);

    private static Testing.SyncEventBuilder Batch(params int[] steps)
    {
        var events = TestCallbacks.Events();
        foreach (var step in steps)
        {
            var displayName = DisplayNames[step];
            var (eventId, eventType, _) = UserHistory[step];
            events.AddEvent(eventId, eventType, Time(step), "user_0001", TestCallbacks.UserData("rowan.vale", displayName));
        }

        return events;
    }
}
