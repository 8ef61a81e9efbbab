using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Testing.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Testing;

/// <summary>Registers the <see cref="HandledEventTracker"/> with the IDaaS callback services.</summary>
public static class HandledEventTrackerIdaasCallbacksBuilderExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="HandledEventTracker"/>, a handler for every event that records the event id
    /// in it, and a wrapper around the registered <see cref="IDeadLetterSink"/> that records dead-lettered ids.
    /// </summary>
    /// <param name="builder">The builder that <c>AddIdaasCallbacks</c> returned.</param>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// <para>
    /// Call it after every <see cref="IdaasCallbacksBuilder.AddHandler{THandler}"/> call. The dispatcher calls
    /// handlers grouped by their event type, in the order each event type was first registered, and the tracker's
    /// handler is one of the <see cref="IdaasEvent"/> handlers. So the tracker records an event after the handlers
    /// registered before it, and a handler registered after it may still be running when a wait completes. For
    /// the same reason this method throws when an <see cref="IdaasEvent"/> handler was registered before a handler
    /// for a narrower event type, because the tracker would run before the narrower handler.
    /// </para>
    /// <para>
    /// Because the tracker handles every event type, the receiver acknowledges every decoded event as a success,
    /// including events it would otherwise report as skipped for lack of a handler.
    /// </para>
    /// <para>
    /// The dead-letter wrapper replaces the <see cref="IDeadLetterSink"/> registration in force when this method
    /// runs, which is the SDK's <see cref="InMemoryDeadLetterSink"/> or a sink the application registered before,
    /// and passes every dead letter on to it. A sink registered after this call replaces the wrapper, and then
    /// <see cref="HandledEventTracker.DeadLetteredEventIds"/> stays empty. A second call changes nothing.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// An <see cref="IdaasEvent"/> handler is registered before a handler for a narrower event type, or no
    /// <see cref="IDeadLetterSink"/> is registered because <c>AddIdaasCallbacks</c> was not called.
    /// </exception>
    public static IdaasCallbacksBuilder AddHandledEventTracker(this IdaasCallbacksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        if (services.Any(descriptor => descriptor.ServiceType == typeof(HandledEventTracker)))
        {
            return builder;
        }

        ThrowIfTrackerWouldRunEarly(services);
        services.AddSingleton(_ => new HandledEventTracker());
        WrapDeadLetterSink(services);
        return builder.AddHandler<HandledEventRecorder>();
    }

    private static void ThrowIfTrackerWouldRunEarly(IServiceCollection services)
    {
        var handlerDescriptors = services
            .Where(descriptor => !descriptor.IsKeyedService
                && descriptor.ServiceType.IsGenericType
                && descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IIdaasEventHandler<>))
            .ToList();
        var firstAllEventsHandler = handlerDescriptors.FindIndex(descriptor => descriptor.ServiceType == typeof(IIdaasEventHandler<IdaasEvent>));
        if (firstAllEventsHandler < 0)
        {
            return;
        }

        // A handler for an event type first registered before the IdaasEvent handler runs in an earlier group, so
        // only event types first registered after it would run after the tracker.
        var earlierServiceTypes = handlerDescriptors.Take(firstAllEventsHandler).Select(descriptor => descriptor.ServiceType).ToHashSet();
        var narrowerHandler = handlerDescriptors
            .Skip(firstAllEventsHandler + 1)
            .FirstOrDefault(descriptor => descriptor.ServiceType != typeof(IIdaasEventHandler<IdaasEvent>) && !earlierServiceTypes.Contains(descriptor.ServiceType));
        if (narrowerHandler is not null)
        {
            throw new InvalidOperationException(
                $"The handler {handlerDescriptors[firstAllEventsHandler].ImplementationType?.FullName} for IdaasEvent is registered before "
                + $"the handler {narrowerHandler.ImplementationType?.FullName} for {narrowerHandler.ServiceType.GetGenericArguments()[0].Name}, "
                + "so the dispatcher would call the HandledEventTracker before the latter. Register handlers for IdaasEvent after the handlers "
                + "for narrower event types, then call AddHandledEventTracker last.");
        }
    }

    private static void WrapDeadLetterSink(IServiceCollection services)
    {
        // The container resolves the last registration of a service type, so that is the one to wrap.
        var original = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IDeadLetterSink) && !descriptor.IsKeyedService)
            ?? throw new InvalidOperationException("No IDeadLetterSink is registered. Call AddIdaasCallbacks before AddHandledEventTracker.");

        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(
            typeof(IDeadLetterSink),
            provider => CreateWrapper(provider, original),
            original.Lifetime));
    }

    private static TrackingDeadLetterSink CreateWrapper(IServiceProvider provider, ServiceDescriptor original)
    {
        var tracker = provider.GetRequiredService<HandledEventTracker>();
        if (original.ImplementationInstance is IDeadLetterSink instance)
        {
            return new TrackingDeadLetterSink(instance, tracker, ownsInner: false);
        }

        if (original.ImplementationFactory is { } factory)
        {
            // The factory may return a sink that the container owns, such as the SDK's InMemoryDeadLetterSink, so
            // the wrapper does not dispose it.
            return new TrackingDeadLetterSink((IDeadLetterSink)factory(provider), tracker, ownsInner: false);
        }

        var inner = (IDeadLetterSink)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!);
        return new TrackingDeadLetterSink(inner, tracker, ownsInner: true);
    }
}
