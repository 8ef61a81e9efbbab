using System.Collections.Concurrent;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>The calls <see cref="UserEventRecorder"/> received, in order, and an optional gate that delays them.</summary>
internal sealed class RecordedEvents : IDisposable
{
    private readonly ConcurrentQueue<(UserEvent Event, IdaasEventContext Context)> _calls = new();
    private readonly SemaphoreSlim _recorded = new(0);

    /// <summary>Gets or sets a task each call awaits before it completes, to stand in for a slow handler.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public IReadOnlyList<(UserEvent Event, IdaasEventContext Context)> Calls => [.. _calls];

    public async Task RecordAsync(UserEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        _calls.Enqueue((idaasEvent, context));
        _recorded.Release();
        await Gate.WaitAsync(cancellationToken);
    }

    public void Dispose() => _recorded.Dispose();

    /// <summary>Waits, for at most 10 seconds of real time, until <paramref name="count"/> calls were recorded.</summary>
    public async Task WaitForCallsAsync(int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_calls.Count < count)
        {
            await _recorded.WaitAsync(limit.Token);
        }
    }
}
