using System.Diagnostics.Metrics;
using Idaas.Callbacks.Internal;
using Idaas.Callbacks.Keys;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Processing.Internal;
using Idaas.Callbacks.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks;

/// <summary>
/// Registers the services that receive IDaaS callbacks.
/// </summary>
public static class IdaasCallbacksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the callback receiver, the token verifier and the signing-key cache, with options set by
    /// <paramref name="configure"/> and validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="IdaasCallbackOptions.ApplicationId"/> and a key source are required.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IdaasCallbacksBuilder AddIdaasCallbacks(this IServiceCollection services, Action<IdaasCallbackOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<IdaasCallbackOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers the callback receiver, the token verifier and the signing-key cache, with options bound from
    /// <paramref name="configuration"/> (for example the section <c>Idaas:Callbacks</c>) and validated when the
    /// host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section with the <see cref="IdaasCallbackOptions"/> values.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IdaasCallbacksBuilder AddIdaasCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<IdaasCallbackOptions>().Bind(configuration);
        return AddCore(services);
    }

    private static IdaasCallbacksBuilder AddCore(IServiceCollection services)
    {
        // A second call adds its configuration above but registers the services only once.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(CallbackReceiver)))
        {
            return new IdaasCallbacksBuilder(services);
        }

        services.AddOptions<IdaasCallbackOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdaasCallbackOptions>, IdaasCallbackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HandlerRegistry>();
        services.TryAddSingleton<IEventInbox, InMemoryEventInbox>();

        // One instance for the whole provider, so every instrument is created once. The key cache takes it too.
        services.TryAddSingleton(provider => new IdaasCallbacksMetrics(provider.GetService<IMeterFactory>(), provider.GetRequiredService<IEventInbox>()));
        services.AddIdaasSigningKeys();
        services.TryAddSingleton(provider => new CallbackIntake(
            provider.GetRequiredService<IEventInbox>(),
            provider.GetRequiredService<HandlerRegistry>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IdaasCallbacksMetrics>(),
            GetLoggerFactory(provider).CreateLogger<CallbackIntake>()));
        AddDispatcher(services);
        services.TryAddSingleton(provider => new CallbackTokenVerifier(
            provider.GetRequiredService<IOptions<IdaasCallbackOptions>>(),
            provider.GetRequiredService<ISigningKeySource>(),
            provider.GetRequiredService<TimeProvider>(),
            GetLoggerFactory(provider).CreateLogger<CallbackTokenVerifier>()));
        services.TryAddSingleton(provider => new CallbackReceiver(
            provider.GetRequiredService<IOptions<IdaasCallbackOptions>>(),
            provider.GetRequiredService<CallbackTokenVerifier>(),
            GetLoggerFactory(provider).CreateLogger<CallbackReceiver>()));

        return new IdaasCallbacksBuilder(services);
    }

    private static void AddDispatcher(IServiceCollection services)
    {
        services.TryAddSingleton(provider => new InMemoryDeadLetterSink(
            provider.GetRequiredService<IOptions<IdaasCallbackOptions>>(),
            GetLoggerFactory(provider).CreateLogger<InMemoryDeadLetterSink>()));
        services.TryAddSingleton<IDeadLetterSink>(provider => provider.GetRequiredService<InMemoryDeadLetterSink>());
        services.TryAddSingleton(_ => new EntityClock());
        services.TryAddSingleton(provider =>
        {
            var dispatcher = provider.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value.Dispatcher;
            return new RetryBackoff(dispatcher.RetryBaseDelay, dispatcher.RetryMaxDelay);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventDispatcher>(CreateDispatcher));
    }

    private static EventDispatcher CreateDispatcher(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value.Dispatcher;
        var inbox = provider.GetRequiredService<IEventInbox>();
        var timeProvider = provider.GetRequiredService<TimeProvider>();
        var logger = GetLoggerFactory(provider).CreateLogger<EventDispatcher>();
        var processor = new EntryProcessor(
            inbox,
            provider.GetRequiredService<HandlerRegistry>(),
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetRequiredService<IDeadLetterSink>(),
            provider.GetRequiredService<EntityClock>(),
            provider.GetRequiredService<RetryBackoff>(),
            options,
            timeProvider,
            provider.GetRequiredService<IdaasCallbacksMetrics>(),
            logger);
        return new EventDispatcher(inbox, processor, options, timeProvider, logger);
    }

    // Logging is optional for a library: without a registered factory, nothing is logged.
    internal static ILoggerFactory GetLoggerFactory(IServiceProvider provider)
        => provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
