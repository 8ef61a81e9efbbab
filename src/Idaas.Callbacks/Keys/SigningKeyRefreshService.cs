using Idaas.Callbacks.Keys.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Keys;

/// <summary>
/// Background service that loads the signing keys when the host starts and refreshes them every
/// <see cref="SigningKeyOptions.RefreshInterval"/>.
/// </summary>
/// <remarks>
/// The start-up fetch does not delay the host: callbacks that arrive before it completes join it. A failed refresh
/// is logged by the cache and retried at the next interval, or earlier by a callback whose key is not cached.
/// With an inline JWKS, the service does nothing.
/// </remarks>
internal sealed class SigningKeyRefreshService : BackgroundService
{
    private readonly SigningKeyCache _cache;
    private readonly SigningKeyOptions _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SigningKeyRefreshService> _logger;
    private PeriodicTimer? _timer;

    /// <summary>Creates the service for <paramref name="cache"/>.</summary>
    public SigningKeyRefreshService(
        SigningKeyCache cache,
        IOptions<IdaasCallbackOptions> options,
        TimeProvider timeProvider,
        ILogger<SigningKeyRefreshService> logger)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        _cache = cache;
        _settings = options.Value.SigningKeys;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Since .NET 10, ExecuteAsync runs on the thread pool, so the interval starts here to count from the
        // host's start and not from whenever that thread runs.
        if (_cache.UsesEndpoint && _settings.RefreshInterval > TimeSpan.Zero)
        {
            _timer = new PeriodicTimer(_settings.RefreshInterval, _timeProvider);
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_cache.UsesEndpoint)
        {
            return;
        }

        try
        {
            if (_settings.PrefetchOnStartup)
            {
                await RefreshAsync(KeyRefreshTrigger.Startup, stoppingToken);
            }

            while (_timer is not null && await _timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(KeyRefreshTrigger.Periodic, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RefreshAsync(KeyRefreshTrigger trigger, CancellationToken stoppingToken)
    {
        try
        {
            await _cache.RefreshAsync(trigger, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The cache logs expected failures itself. Anything else is logged here, so that one unexpected
            // error does not end the periodic refresh for the life of the process.
            Log.PeriodicRefreshFailed(_logger, exception);
        }
    }
}
