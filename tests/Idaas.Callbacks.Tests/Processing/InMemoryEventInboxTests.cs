using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class InMemoryEventInboxTests
{
    private readonly FakeTimeProvider _time = new(TestEvents.Start);

    [Fact]
    public async Task Full_inbox_takes_nothing()
    {
        var inbox = CreateInbox(capacity: 2);
        await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"));

        var result = await EnqueueAsync(inbox, TestEvents.Created("evnt_2", "user_2"), TestEvents.Created("evnt_3", "user_3"));

        result.Status.Should().Be(InboxEnqueueStatus.Full);
        inbox.Count.Should().Be(1);
        var retry = await EnqueueAsync(inbox, TestEvents.Created("evnt_2", "user_2"));
        retry.Status.Should().Be(InboxEnqueueStatus.Accepted);
        retry.DuplicateEventIds.Should().BeEmpty("a rejected batch leaves no event id behind");
    }

    [Fact]
    public async Task Repeated_event_id_is_duplicate()
    {
        var inbox = CreateInbox();
        await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"));

        var result = await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"), TestEvents.Created("evnt_2", "user_2"));

        result.Status.Should().Be(InboxEnqueueStatus.Accepted);
        result.DuplicateEventIds.Should().BeEquivalentTo(["evnt_1"]);
        inbox.Count.Should().Be(2);
    }

    [Fact]
    public async Task Repeat_within_batch_is_taken_once()
    {
        var inbox = CreateInbox();

        var result = await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"), TestEvents.Updated("evnt_1", "user_1", 1));

        result.DuplicateEventIds.Should().BeEmpty("this batch is the one that takes the event");
        inbox.Count.Should().Be(1);
        (await ReadAvailableAsync(inbox)).Should().ContainSingle().Which.Event.Should().BeOfType<UserCreatedEvent>("the first copy is the one taken");
    }

    [Fact]
    public async Task Parallel_enqueues_take_event_once()
    {
        var inbox = CreateInbox();
        IdaasEvent[] batch = [TestEvents.Created("evnt_1", "user_1"), TestEvents.Created("evnt_2", "user_2")];
        using var start = new ManualResetEventSlim();

        var first = Task.Run(() => { start.Wait(); return inbox.EnqueueAsync(batch, TestEvents.Start, CancellationToken.None).AsTask(); });
        var second = Task.Run(() => { start.Wait(); return inbox.EnqueueAsync(batch, TestEvents.Start, CancellationToken.None).AsTask(); });
        start.Set();
        var results = await Task.WhenAll(first, second);

        results.Should().OnlyContain(result => result.Status == InboxEnqueueStatus.Accepted);
        results.Sum(result => result.DuplicateEventIds.Count).Should().Be(2);
        inbox.Count.Should().Be(2);
        (await ReadAvailableAsync(inbox)).Select(entry => entry.Event.EventId).Should().BeEquivalentTo(["evnt_1", "evnt_2"]);
    }

    [Fact]
    public async Task Event_id_expires_after_window()
    {
        var inbox = CreateInbox(configure: inboxOptions => inboxOptions.DeduplicationWindow = TimeSpan.FromHours(1));
        await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"));

        _time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        var inside = await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"));
        _time.Advance(TimeSpan.FromTicks(1));
        var after = await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"));

        inside.DuplicateEventIds.Should().BeEquivalentTo(["evnt_1"]);
        after.DuplicateEventIds.Should().BeEmpty();
        inbox.Count.Should().Be(2);
    }

    [Fact]
    public async Task Oldest_ids_forgotten_past_maximum()
    {
        var inbox = CreateInbox(configure: inboxOptions => inboxOptions.MaxDeduplicationEntries = 1_000);
        for (var i = 0; i < 1_001; i++)
        {
            await EnqueueAsync(inbox, TestEvents.Created($"evnt_{i}", null));
        }

        // The trim runs at the start of the next enqueue, so the 1,001st id pushes out the first.
        var oldest = await EnqueueAsync(inbox, TestEvents.Created("evnt_0", null));
        var recent = await EnqueueAsync(inbox, TestEvents.Created("evnt_1000", null));

        oldest.DuplicateEventIds.Should().BeEmpty();
        recent.DuplicateEventIds.Should().BeEquivalentTo(["evnt_1000"]);
    }

    [Fact]
    public async Task Closed_inbox_rejects_and_ends_reading()
    {
        var inbox = CreateInbox();
        await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"));

        inbox.Close();
        var result = await EnqueueAsync(inbox, TestEvents.Created("evnt_2", "user_2"));

        result.Status.Should().Be(InboxEnqueueStatus.Closed);
        var read = new List<InboxEntry>();
        await foreach (var entry in inbox.ReadAllAsync(CancellationToken.None))
        {
            read.Add(entry);
        }

        read.Select(entry => entry.Event.EventId).Should().Equal("evnt_1");
    }

    [Fact]
    public async Task Complete_decreases_count()
    {
        var inbox = CreateInbox();
        await EnqueueAsync(inbox, TestEvents.Created("evnt_1", "user_1"), TestEvents.Created("evnt_2", "user_2"));
        var entries = await ReadAvailableAsync(inbox);

        await inbox.CompleteAsync(entries[0], CancellationToken.None);

        inbox.Count.Should().Be(1);
        inbox.Capacity.Should().Be(10_000);
        entries[0].ReceivedAt.Should().Be(TestEvents.Start);
    }

    private InMemoryEventInbox CreateInbox(int capacity = 10_000, Action<InboxOptions>? configure = null)
    {
        var options = new IdaasCallbackOptions();
        options.Inbox.Capacity = capacity;
        configure?.Invoke(options.Inbox);
        return new InMemoryEventInbox(Options.Create(options), _time);
    }

    private ValueTask<InboxEnqueueResult> EnqueueAsync(InMemoryEventInbox inbox, params IdaasEvent[] events)
        => inbox.EnqueueAsync(events, _time.GetUtcNow(), CancellationToken.None);

    private static async Task<List<InboxEntry>> ReadAvailableAsync(InMemoryEventInbox inbox)
    {
        // Closing ends the enumeration after the taken entries instead of waiting for more.
        inbox.Close();
        var entries = new List<InboxEntry>();
        await foreach (var entry in inbox.ReadAllAsync(CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
