using Idaas.Callbacks.Keys.Internal;

namespace Idaas.Callbacks.Keys;

/// <content>The single shared refresh and the cooldown of refreshes triggered by an unknown <c>kid</c>.</content>
internal sealed partial class SigningKeyCache
{
    // Returns the refresh that the caller should wait for, or null when the lookup must use the cached keys
    // because another refresh already loaded the key, the cooldown is running, or the cache is disposed.
    private Task<bool>? JoinOrStartRefresh(string? keyId)
    {
        TimeSpan sinceLastStart;
        lock (_refreshLock)
        {
            // NOTE: A lookup that joins a periodic refresh which started just before IDaaS published a new key
            // gets UnknownKey. Periodic refreshes do not start the cooldown, so the next lookup for that kid fetches
            // again unless a refresh for another unknown kid started within the cooldown.
            if (_refresh is { IsCompleted: false } running)
            {
                return running;
            }

            // A refresh that completed after this caller read the key set may have loaded the key.
            if (_disposed || (_keys is { } keys && keys.TryFind(keyId, out _)))
            {
                return null;
            }

            // The cooldown counts from the start of the last miss-triggered refresh, whatever its outcome, so a
            // flood of tokens with invented kids causes at most one fetch per cooldown.
            var now = _timeProvider.GetTimestamp();
            sinceLastStart = _lastMissRefreshStart is { } last ? _timeProvider.GetElapsedTime(last, now) : TimeSpan.MaxValue;
            if (sinceLastStart >= _refreshCooldown)
            {
                _lastMissRefreshStart = now;
                return BeginRefresh(KeyRefreshTrigger.UnknownKeyId);
            }
        }

        Log.RefreshInCooldown(_logger, keyId, sinceLastStart, _refreshCooldown);
        return null;
    }

    // Must be called while holding _refreshLock. The fetch runs on the thread pool, so neither HTTP handlers
    // nor log providers ever run under the lock or on the thread of the caller that triggered it.
    private Task<bool>? BeginRefresh(KeyRefreshTrigger trigger)
    {
        if (_disposed)
        {
            return null;
        }

        var completion = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _refresh = completion.Task;
        var abort = _disposal.Token;
        _ = Task.Run(() => CompleteRefreshAsync(completion, trigger, abort), CancellationToken.None);
        return completion.Task;
    }

    private async Task CompleteRefreshAsync(TaskCompletionSource<bool> completion, KeyRefreshTrigger trigger, CancellationToken abort)
    {
        try
        {
            var loaded = await _loader!.LoadAsync(_keys, abort);
            if (loaded is not null)
            {
                _keys = loaded;
            }

            _metrics?.RecordKeyRefresh(trigger, loaded is not null);
            completion.SetResult(loaded is not null);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The cache is disposed, so the fetch is not counted as a failure.
            completion.SetResult(false);
        }
        catch (Exception exception)
        {
            // Waiting callers see an unexpected failure instead of hanging until their timeout.
            _metrics?.RecordKeyRefresh(trigger, false);
            completion.SetException(exception);
        }
    }
}
