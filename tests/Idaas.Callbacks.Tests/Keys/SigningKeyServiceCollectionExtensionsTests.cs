using Idaas.Callbacks.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Idaas.Callbacks.Tests.Keys;

public sealed class SigningKeyServiceCollectionExtensionsTests
{
    [Fact]
    public void Registration_NullServices_Throws()
    {
        var add = () => SigningKeyServiceCollectionExtensions.AddIdaasSigningKeys(null!);

        add.Should().Throw<ArgumentNullException>().WithParameterName("services");
    }

    [Fact]
    public async Task Registration_CacheIsKeySource()
    {
        await using var provider = BuildProvider(new ServiceCollection());

        var source = provider.GetRequiredService<ISigningKeySource>();

        source.Should().BeSameAs(provider.GetRequiredService<SigningKeyCache>());
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public async Task Registration_KeepsRegisteredTimeProvider()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        await using var provider = BuildProvider(services);

        var registered = provider.GetRequiredService<TimeProvider>();

        registered.Should().BeSameAs(time);
    }

    [Fact]
    public async Task RegisteringTwice_AddsOneRefreshService()
    {
        var services = new ServiceCollection();
        services.AddIdaasSigningKeys();
        await using var provider = BuildProvider(services);

        var hostedServices = provider.GetServices<IHostedService>().OfType<SigningKeyRefreshService>();

        hostedServices.Should().ContainSingle();
    }

    [Fact]
    public async Task HttpClient_PrimaryHandlerDoesNotFollowRedirects()
    {
        await using var provider = BuildProvider(new ServiceCollection());
        var factory = provider.GetRequiredService<IHttpMessageHandlerFactory>();

        HttpMessageHandler handler = factory.CreateHandler(SigningKeyServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var primary = handler.Should().BeOfType<SocketsHttpHandler>().Subject;
        primary.AllowAutoRedirect.Should().BeFalse();
        primary.MaxResponseDrainSize.Should().Be(0);
    }

    private static ServiceProvider BuildProvider(IServiceCollection services)
    {
        services.AddLogging();
        services.Configure<IdaasCallbackOptions>(options => options.PublicKeyEndpoint = new Uri(KeyCacheHarness.StubEndpoint));
        services.AddIdaasSigningKeys();
        return services.BuildServiceProvider();
    }
}
