using System.Collections.Concurrent;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>The state of the test receiver app: the user names by user id, and an optional gate for handlers.</summary>
internal sealed class UserStore
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<string, string?> UserNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets a task that <see cref="UserStoreHandler"/> awaits before it stores a user.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    /// <summary>Gets a task that completes when a handler first waits at <see cref="Gate"/>.</summary>
    public Task Entered => _entered.Task;

    public async Task PassGateAsync(CancellationToken cancellationToken)
    {
        _entered.TrySetResult();
        await Gate.WaitAsync(cancellationToken);
    }
}
