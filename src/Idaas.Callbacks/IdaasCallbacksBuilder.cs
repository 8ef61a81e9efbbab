using Idaas.Callbacks.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Idaas.Callbacks;

/// <summary>
/// Configures the IDaaS callback services that <see cref="IdaasCallbacksServiceCollectionExtensions.AddIdaasCallbacks(IServiceCollection, Action{IdaasCallbackOptions})"/> registered.
/// </summary>
public sealed class IdaasCallbacksBuilder
{
    internal IdaasCallbacksBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection the callback services are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> for every <see cref="IIdaasEventHandler{TEvent}"/> it
    /// implements, as a scoped service. A handler for <see cref="Events.IdaasEvent"/> receives every event.
    /// </summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="THandler"/> implements no handler interface.</exception>
    public IdaasCallbacksBuilder AddHandler<THandler>()
        where THandler : class
    {
        var handlerInterfaces = typeof(THandler).GetInterfaces()
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IIdaasEventHandler<>))
            .ToList();
        if (handlerInterfaces.Count == 0)
        {
            throw new ArgumentException($"{typeof(THandler).FullName} implements no IIdaasEventHandler<TEvent>; implement it for the event types to handle.", nameof(THandler));
        }

        foreach (var handlerInterface in handlerInterfaces)
        {
            Services.TryAddEnumerable(ServiceDescriptor.Scoped(handlerInterface, typeof(THandler)));
            var registration = new HandlerRegistration(handlerInterface.GetGenericArguments()[0], handlerInterface, typeof(THandler));
            if (!Services.Any(descriptor => registration.Equals(descriptor.ImplementationInstance)))
            {
                Services.AddSingleton(registration);
            }
        }

        return this;
    }
}
