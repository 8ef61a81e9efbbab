using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Testing.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Idaas.Callbacks.Testing.Tests;

/// <summary>What <c>AddHandledEventTracker</c> registers, and the registration orders it rejects.</summary>
public sealed class HandledEventTrackerRegistrationTests
{
    private static readonly string Jwks = CreateJwks();

    private static IdaasCallbacksBuilder AddCallbacks(IServiceCollection services) => services.AddIdaasCallbacks(options =>
    {
        options.ApplicationId = "app_trackertests";
        options.JsonWebKeySet = Jwks;
    });

    [Fact]
    public void AddHandledEventTracker_NullBuilder_Throws()
    {
        var act = () => HandledEventTrackerIdaasCallbacksBuilderExtensions.AddHandledEventTracker(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("builder");
    }

    [Fact]
    public void AddHandledEventTracker_RegistersTrackerAndHandler()
    {
        var services = new ServiceCollection();

        AddCallbacks(services).AddHandledEventTracker();

        using var provider = services.BuildServiceProvider();
        var tracker = provider.GetRequiredService<HandledEventTracker>();
        tracker.Should().BeSameAs(provider.GetRequiredService<HandledEventTracker>());
        services.Should().ContainSingle(descriptor => descriptor.ServiceType == typeof(IIdaasEventHandler<IdaasEvent>));
        provider.GetRequiredService<IDeadLetterSink>().Should().NotBeOfType<InMemoryDeadLetterSink>();
    }

    [Fact]
    public void AddHandledEventTracker_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();

        AddCallbacks(services).AddHandledEventTracker().AddHandledEventTracker();

        services.Should().ContainSingle(descriptor => descriptor.ServiceType == typeof(HandledEventTracker));
        services.Should().ContainSingle(descriptor => descriptor.ServiceType == typeof(IDeadLetterSink));
        services.Should().ContainSingle(descriptor => descriptor.ServiceType == typeof(IIdaasEventHandler<IdaasEvent>));
    }

    [Fact]
    public void AllEventsHandlerBeforeNarrowerHandler_Throws()
    {
        var services = new ServiceCollection();
        var callbacks = AddCallbacks(services).AddHandler<AllEventsHandler>().AddHandler<UserStoreHandler>();

        var act = () => callbacks.AddHandledEventTracker();

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*AllEventsHandler*UserStoreHandler*UserEvent*");
    }

    [Fact]
    public void NewNarrowerTypeAfterAllEvents_Throws()
    {
        var services = new ServiceCollection();
        var callbacks = AddCallbacks(services)
            .AddHandler<UserStoreHandler>()
            .AddHandler<AllEventsHandler>()
            .AddHandler<FailingUserHandler>();

        // FailingUserHandler's event type is first registered after AllEventsHandler, so this order is rejected too.
        var act = () => callbacks.AddHandledEventTracker();

        act.Should().Throw<InvalidOperationException>().WithMessage("*FailingUserHandler*");
    }

    [Fact]
    public void NarrowerTypeRegisteredBeforeAllEvents_IsAccepted()
    {
        var services = new ServiceCollection();
        services.AddSingleton<UserStore>();
        var callbacks = AddCallbacks(services)
            .AddHandler<UserStoreHandler>()
            .AddHandler<AllEventsHandler>();

        callbacks.AddHandledEventTracker();

        services.Should().Contain(descriptor => descriptor.ServiceType == typeof(HandledEventTracker));
        services.Where(descriptor => descriptor.ServiceType == typeof(IIdaasEventHandler<IdaasEvent>))
            .Select(descriptor => descriptor.ImplementationType!.Name)
            .Should().Equal(nameof(AllEventsHandler), "HandledEventRecorder");
    }

    [Fact]
    public async Task SinkRegisteredByType_IsWrappedAndDisposed()
    {
        var services = new ServiceCollection();
        services.AddSingleton<DisposalProbe>();
        services.AddSingleton<IDeadLetterSink, DisposableDeadLetterSink>();
        AddCallbacks(services).AddHandledEventTracker();
        var provider = services.BuildServiceProvider();
        var probe = provider.GetRequiredService<DisposalProbe>();

        var sink = provider.GetRequiredService<IDeadLetterSink>();
        await provider.DisposeAsync();

        sink.Should().NotBeOfType<DisposableDeadLetterSink>();
        probe.SinkDisposed.Should().BeTrue();
    }

    [Fact]
    public void NoDeadLetterSink_Throws()
    {
        var services = new ServiceCollection();
        var callbacks = AddCallbacks(services);
        services.RemoveAll<IDeadLetterSink>();

        var act = () => callbacks.AddHandledEventTracker();

        act.Should().Throw<InvalidOperationException>().WithMessage("No IDeadLetterSink is registered*");
    }

    private static string CreateJwks()
    {
        using var key = IdaasSigningKey.Generate();
        return IdaasJsonWebKeySet.ToJson(key);
    }
}
