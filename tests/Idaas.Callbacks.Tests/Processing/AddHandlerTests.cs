using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Idaas.Callbacks.Tests.Processing;

public sealed class AddHandlerTests
{
    [Fact]
    public void Each_interface_registered_once()
    {
        var services = new ServiceCollection();
        var callbacks = services.AddIdaasCallbacks(options => options.ApplicationId = "app_simapp01");

        callbacks.AddHandler<CreatedAndDeletedHandler>();
        callbacks.AddHandler<CreatedAndDeletedHandler>();

        services.Count(descriptor => descriptor.ServiceType == typeof(IIdaasEventHandler<UserCreatedEvent>)).Should().Be(1);
        services.Count(descriptor => descriptor.ServiceType == typeof(IIdaasEventHandler<UserDeletedEvent>)).Should().Be(1);
        services.Should().OnlyContain(descriptor => !IsHandlerInterface(descriptor.ServiceType) || descriptor.Lifetime == ServiceLifetime.Scoped);
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<HandlerRegistry>();
        registry.GetServiceTypes(typeof(UserCreatedEvent)).Should().Equal(typeof(IIdaasEventHandler<UserCreatedEvent>));
        registry.GetServiceTypes(typeof(UserDeletedEvent)).Should().Equal(typeof(IIdaasEventHandler<UserDeletedEvent>));
        registry.HasHandlerFor(typeof(UserInfoUpdatedEvent)).Should().BeFalse();
    }

    [Fact]
    public void Type_without_interface_throws()
    {
        var callbacks = new ServiceCollection().AddIdaasCallbacks(options => options.ApplicationId = "app_simapp01");

        var act = () => callbacks.AddHandler<ScopeMarker>();

        act.Should().Throw<ArgumentException>().WithMessage("*ScopeMarker implements no IIdaasEventHandler<TEvent>*");
    }

    [Fact]
    public void Dispatcher_registered_once()
    {
        var services = new ServiceCollection();

        services.AddIdaasCallbacks(options => options.ApplicationId = "app_simapp01");
        services.AddIdaasCallbacks(options => options.InstanceId = "idaas_simtenant01");

        services.Should().ContainSingle(descriptor => descriptor.ServiceType == typeof(IHostedService)
            && descriptor.ImplementationFactory != null
            && descriptor.ImplementationFactory.Method.ReturnType == typeof(EventDispatcher));
        services.Should().ContainSingle(descriptor => descriptor.ServiceType == typeof(IDeadLetterSink));
    }

    private static bool IsHandlerInterface(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IIdaasEventHandler<>);
}
