using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Testing.Tests;

public sealed class FakeTimeProviderExtensionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Delay_completes_on_fake_clock()
    {
        var time = new FakeTimeProvider(Start);

        var result = await time.RunUntilCompletedAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromMinutes(3), time);
            return time.GetUtcNow();
        });

        result.Should().BeOnOrAfter(Start.AddMinutes(3));
        time.GetUtcNow().Should().BeBefore(Start.AddMinutes(3).AddSeconds(2));
    }

    [Fact]
    public async Task Step_sets_clock_increment()
    {
        var time = new FakeTimeProvider(Start);

        await time.RunUntilCompletedAsync(() => Task.Delay(TimeSpan.FromHours(1), time), step: TimeSpan.FromMinutes(30));

        time.GetUtcNow().Should().Be(Start.AddHours(1));
    }

    [Fact]
    public async Task Completed_task_does_not_move_clock()
    {
        var time = new FakeTimeProvider(Start);

        var result = await time.RunUntilCompletedAsync(() => Task.FromResult(42));

        result.Should().Be(42);
        time.GetUtcNow().Should().Be(Start);
    }

    [Fact]
    public async Task Task_waiting_elsewhere_times_out()
    {
        var time = new FakeTimeProvider(Start);
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = () => time.RunUntilCompletedAsync(() => never.Task, maxSteps: 5);

        (await run.Should().ThrowAsync<TimeoutException>()).WithMessage("*5 fake-clock steps*");
        time.GetUtcNow().Should().Be(Start.AddSeconds(5));
    }

    [Fact]
    public async Task Exception_of_task_is_rethrown()
    {
        var time = new FakeTimeProvider(Start);

        var run = () => time.RunUntilCompletedAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), time);
            throw new InvalidOperationException("failed after the delay");
        });

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("failed after the delay");
    }

    [Fact]
    public async Task Invalid_arguments_are_rejected()
    {
        var time = new FakeTimeProvider(Start);

        await FluentActions.Awaiting(() => time.RunUntilCompletedAsync(() => Task.FromResult(1), step: TimeSpan.Zero))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => time.RunUntilCompletedAsync(() => Task.FromResult(1), maxSteps: 0))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => time.RunUntilCompletedAsync((Func<Task<int>>)null!))
            .Should().ThrowAsync<ArgumentNullException>();
    }
}
