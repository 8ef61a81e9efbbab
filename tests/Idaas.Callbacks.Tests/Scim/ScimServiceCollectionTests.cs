using System.Net;
using Idaas.Callbacks.Scim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.Tests.Scim;

public sealed class ScimServiceCollectionTests
{
    [Fact]
    public async Task Registered_ClientTalksToKestrel()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        string? contentType = null;
        app.Run(async context =>
        {
            contentType = context.Request.ContentType;
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/scim+json";
            await context.Response.WriteAsync(ScimTestClients.User("u1", "ada"));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var services = new ServiceCollection();
        services.AddIdaasScimClient(options =>
        {
            options.BaseAddress = new Uri(address + "/scim");
            options.BearerToken = "static";
        });
        services.AddIdaasScimClient(_ => { });
        await using var provider = services.BuildServiceProvider();

        var user = await provider.GetRequiredService<IScimClient>().CreateUserAsync(new ScimUser { UserName = "ada" });

        user.Id.Should().Be("u1");
        contentType.Should().StartWith("application/scim+json");
        provider.GetRequiredService<IScimClient>().Should().BeSameAs(provider.GetRequiredService<ScimClient>());
        await app.StopAsync();
    }

    [Fact]
    public void Validation_RejectsPlainHttpAndMissingToken()
    {
        var services = new ServiceCollection();
        services.AddIdaasScimClient(options => options.BaseAddress = new Uri("http://scim.example.test/scim"));
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<ScimClientOptions>>().Value;

        var failure = read.Should().Throw<OptionsValidationException>().Which;
        failure.Failures.Should().Contain(message => message.Contains("BaseAddress", StringComparison.Ordinal));
        failure.Failures.Should().Contain(message => message.Contains("BearerToken or ClientCredentials", StringComparison.Ordinal));
    }

    [Fact]
    public void AddIdaasScimClient_NullArgumentsThrow()
    {
        var services = new ServiceCollection();

        ((Action)(() => services.AddIdaasScimClient((Action<ScimClientOptions>)null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => ((IServiceCollection)null!).AddIdaasScimClient(_ => { }))).Should().Throw<ArgumentNullException>();
    }
}
