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
}
