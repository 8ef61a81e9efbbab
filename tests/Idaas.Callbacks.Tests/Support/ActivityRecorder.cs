using System.Collections.Concurrent;
using System.Diagnostics;

namespace Idaas.Callbacks.Tests.Support;

/// <summary>
/// Records every stopped activity of the <c>Idaas.Callbacks</c> source while it is alive. The listener is
/// process-wide, so tests that run in parallel record each other's spans, and each test filters by a trace id
/// or an event id of its own.
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Idaas.Callbacks",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    /// <summary>Waits, for at most 10 seconds of real time, until <paramref name="count"/> matching activities have stopped.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForAsync(Func<Activity, bool> match, int count = 1)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!limit.IsCancellationRequested && _stopped.Count(match) < count)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        return [.. _stopped.Where(match)];
    }

    public void Dispose() => _listener.Dispose();
}
