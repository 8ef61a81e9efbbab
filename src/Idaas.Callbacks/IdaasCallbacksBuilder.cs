using Microsoft.Extensions.DependencyInjection;

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
    /// Registers <typeparamref name="THandler"/> for every <see cref="Processing.IIdaasEventHandler{TEvent}"/> it
    /// implements, as a scoped service. A handler for <see cref="Events.IdaasEvent"/> receives every event.
    /// </summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="THandler"/> implements no handler interface.</exception>
    public IdaasCallbacksBuilder AddHandler<THandler>()
        where THandler : class
    {
        // TODO: Implemented by the processing work: registration of each closed IIdaasEventHandler<T>.
        throw new NotImplementedException();
    }
}
