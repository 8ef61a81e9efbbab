using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

public class SimulatorEventTimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    private SimulatorDirectory CreateDirectory() => new(new SimulatorOptions(), _time);

    [Fact]
    public void EventTimes_ClockStill_IncreaseByOneMillisecond()
    {
        var directory = CreateDirectory();

        var userId = directory.CreateUser("alice").ObjectId;
        var events = new[]
        {
            directory.SendTestEvent(),
            directory.UpdateUser(userId, displayName: "Alice").Events.Single(),
            directory.DisableUser(userId).Events.Single(),
            directory.CreateGroup("Admins").Events.Single(),
        };

        events.Select(e => e.EventTime).Should().Equal(Start.AddMilliseconds(1), Start.AddMilliseconds(2), Start.AddMilliseconds(3), Start.AddMilliseconds(4));
    }

    [Fact]
    public void EventTimes_ClockAhead_FollowClock()
    {
        var directory = CreateDirectory();
        directory.CreateUser("alice");

        _time.Advance(TimeSpan.FromSeconds(5));
        var later = directory.CreateUser("bob").Events.Single();

        later.EventTime.Should().Be(Start.AddSeconds(5));
    }

    [Fact]
    public void EventTimes_FullPush_StrictlyIncrease()
    {
        var directory = CreateDirectory();
        for (var i = 0; i < 50; i++)
        {
            directory.CreateUser($"user{i}");
        }

        var times = directory.FullPush(batchSize: 7).SelectMany(batch => batch).Select(e => e.EventTime.ToUnixTimeMilliseconds()).ToList();

        times.Should().HaveCount(51);
        times.Zip(times.Skip(1)).Should().AllSatisfy(pair => pair.Second.Should().BeGreaterThan(pair.First));
    }

    [Fact]
    public void EventTimes_ConcurrentChanges_AllDistinct()
    {
        var directory = CreateDirectory();
        var userIds = Enumerable.Range(0, 8).Select(i => directory.CreateUser($"user{i}").ObjectId).ToList();

        var times = userIds.AsParallel()
            .SelectMany(userId => Enumerable.Range(0, 50).Select(i => directory.UpdateUser(userId, description: $"v{i}").Events.Single().EventTime))
            .ToList();

        times.Should().HaveCount(400);
        times.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void LastEventTime_TracksLatestEvent()
    {
        var directory = CreateDirectory();
        var before = directory.LastEventTime;

        directory.CreateUser("alice");
        var second = directory.CreateUser("bob").Events.Single();

        before.Should().BeNull();
        directory.LastEventTime.Should().Be(second.EventTime);
        directory.LastEventTime.Should().BeAfter(Start);
    }
}
