using Idaas.Callbacks.Processing.Internal;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class EntityClockTests
{
    [Fact]
    public void Older_time_is_stale()
    {
        var clock = new EntityClock();

        clock.Record("user_1", TestEvents.Start.AddMinutes(4));

        clock.IsStale("user_1", TestEvents.Start).Should().BeTrue();
        clock.IsStale("user_1", TestEvents.Start.AddMinutes(4)).Should().BeFalse("an equal time is not older");
        clock.IsStale("user_2", TestEvents.Start).Should().BeFalse();
    }

    [Fact]
    public void Earlier_record_keeps_later_time()
    {
        var clock = new EntityClock();

        clock.Record("user_1", TestEvents.Start.AddMinutes(4));
        clock.Record("user_1", TestEvents.Start);

        clock.IsStale("user_1", TestEvents.Start.AddMinutes(3)).Should().BeTrue();
    }

    [Fact]
    public void Least_recent_id_evicted_past_bound()
    {
        var clock = new EntityClock(maxEntities: 2);
        clock.Record("user_1", TestEvents.Start.AddMinutes(4));
        clock.Record("user_2", TestEvents.Start.AddMinutes(4));

        clock.Record("user_1", TestEvents.Start.AddMinutes(5));
        clock.Record("user_3", TestEvents.Start.AddMinutes(4));

        clock.Count.Should().Be(2);
        clock.IsStale("user_2", TestEvents.Start).Should().BeFalse("user_2 was used least recently and is forgotten");
        clock.IsStale("user_1", TestEvents.Start).Should().BeTrue();
        clock.IsStale("user_3", TestEvents.Start).Should().BeTrue();
    }
}
