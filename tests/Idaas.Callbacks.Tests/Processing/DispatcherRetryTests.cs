using Idaas.Callbacks.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class DispatcherRetryTests
{
    [Fact]
    public async Task Handler_failing_twice_succeeds_third()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.RetryBaseDelay = TimeSpan.FromSeconds(2));
        host.Probe.Behavior = (call, _) => call.Context.Attempt < 3 ? throw new InvalidOperationException("directory is down") : Task.CompletedTask;
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_1", "user_1"));
        await host.Time.WaitForTimersAsync(1);
        host.Time.DueTimes[0].Should().Be(TimeSpan.FromSeconds(2));
        host.Time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        host.Probe.Calls.Should().HaveCount(1, "the first retry waits the full base delay");
        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.Time.WaitForTimersAsync(2);
        host.Time.DueTimes[1].Should().Be(TimeSpan.FromSeconds(4), "the bound doubles with each attempt");
        host.Time.Advance(TimeSpan.FromSeconds(4));
        await host.Inbox.WaitForCompletedAsync(1);

        host.Probe.Calls.Select(call => call.Context.Attempt).Should().Equal(1, 2, 3);
        host.Probe.Calls.Select(call => call.ScopeId).Distinct().Should().HaveCount(3, "each attempt runs in a new scope");
        host.Inbox.CompletedIds.Should().Equal("evnt_1");
        host.DeadLetters.Snapshot().Should().BeEmpty();
        host.Logs.GetSnapshot().Count(record => record.Id.Id == 3000).Should().Be(2);
    }

    [Fact]
    public async Task Always_failing_handler_is_dead_lettered()
    {
        await using var host = DispatcherHost.Create(callbacks => callbacks.AddHandler<UserEventHandler>(), options => options.MaxAttempts = 3);
        host.Probe.Behavior = (call, _) => call.Event.EventId == "evnt_bad" ? throw new InvalidOperationException("bad row for S3cret-Pa55") : Task.CompletedTask;
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_bad", "user_1"));
        await host.Time.WaitForTimersAsync(1);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Time.WaitForTimersAsync(2);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        await host.Inbox.WaitForCompletedAsync(1);
        await host.EnqueueAsync(TestEvents.Created("evnt_next", "user_1", 1));
        await host.Inbox.WaitForCompletedAsync(2);

        var deadLetter = host.DeadLetters.Snapshot().Should().ContainSingle().Subject;
        deadLetter.Entry.Event.EventId.Should().Be("evnt_bad");
        deadLetter.Attempts.Should().Be(3);
        deadLetter.HandlerType.Should().Be<UserEventHandler>();
        deadLetter.ExceptionType.Should().Be(typeof(InvalidOperationException).FullName);
        deadLetter.ExceptionMessage.Should().Be("bad row for S3cret-Pa55");
        deadLetter.DeadLetteredAt.Should().Be(TestEvents.Start.AddSeconds(3));
        host.Probe.Calls.Select(call => call.Event.EventId).Should().Equal("evnt_bad", "evnt_bad", "evnt_bad", "evnt_next");

        var logs = host.Logs.GetSnapshot();
        var error = logs.Should().ContainSingle(record => record.Id.Id == 3020).Subject;
        error.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Error);
        error.Message.Should().Contain("evnt_bad").And.Contain("ud:user:create");
        logs.Should().NotContain(record => record.Message.Contains("S3cret") || (record.Exception != null && record.Exception.Message.Contains("S3cret")));
    }

    [Fact]
    public async Task Custom_dead_letter_sink_replaces_default()
    {
        var sink = new RecordingSink();
        await using var host = DispatcherHost.Create(
            callbacks =>
            {
                callbacks.Services.AddSingleton<IDeadLetterSink>(sink);
                callbacks.AddHandler<UserEventHandler>();
            },
            options => options.MaxAttempts = 1);
        host.Probe.Behavior = (_, _) => throw new TimeoutException();
        await host.StartAsync();

        await host.EnqueueAsync(TestEvents.Created("evnt_1", "user_1"));
        await host.Inbox.WaitForCompletedAsync(1);

        sink.DeadLetters.Should().ContainSingle(deadLetter => deadLetter.Entry.Event.EventId == "evnt_1" && deadLetter.Attempts == 1);
        host.DeadLetters.Snapshot().Should().BeEmpty();
    }

    private sealed class RecordingSink : IDeadLetterSink
    {
        public System.Collections.Concurrent.ConcurrentQueue<DeadLetter> DeadLetters { get; } = new();

        public ValueTask AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
        {
            DeadLetters.Enqueue(deadLetter);
            return ValueTask.CompletedTask;
        }
    }
}
