using System.Net;
using System.Text.Json;
using Idaas.Callbacks.Samples.Receiver.Directory;
using Idaas.Callbacks.Samples.Receiver.Tests.Support;
using Idaas.Callbacks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Idaas.Callbacks.Samples.Receiver.Tests.Reconciliation;

/// <summary>
/// <c>POST /directory/reconcile</c> and <c>--reconcile</c> in real mode, against the simulator's SCIM service
/// provider on Kestrel at 127.0.0.1 with client credentials.
/// </summary>
public sealed class ReconcileEndpointTests : IAsyncLifetime, IDisposable
{
    private const string ClientSecret = "reconcile-endpoint-secret-value";

    private readonly TempDatabase _database = new();
    private readonly IdaasSimulator _simulator = new();
    private Uri? _scimUri;

    public async Task InitializeAsync()
    {
        _simulator.Scim.Options.ClientSecret = ClientSecret;
        _scimUri = await _simulator.StartScimServerAsync();
        var alice = _simulator.Directory.CreateUser("alice", "Alice", "alice@example.com").ObjectId;
        var admins = _simulator.Directory.CreateGroup("Admins").ObjectId;
        _simulator.Directory.AddGroupMember(admins, alice);
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    public void Dispose() => _database.Dispose();

    private string[] RealModeArgs(string clientSecret) =>
    [
        $"--Idaas:ApplicationId={_simulator.Options.ApplicationId}",
        $"--Idaas:InstanceId={_simulator.Options.InstanceId}",
        $"--Idaas:JsonWebKeySet={_simulator.Keys.ToJwksJson()}",
        $"--Idaas:Scim:BaseAddress={_scimUri}",
        $"--Idaas:Scim:ClientCredentials:ClientId={_simulator.Scim.Options.ClientId}",
        $"--Idaas:Scim:ClientCredentials:ClientSecret={clientSecret}",
        $"--Sample:DatabasePath={_database.DatabasePath}",
    ];

    private async Task<WebApplication> StartAppAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _database.Folder, Args = args });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = SampleApp.Build(builder);
        await app.StartAsync();
        return app;
    }

    private static HttpClient CreateClient(WebApplication app)
        => new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()) };

    [Fact]
    public async Task Post_ReturnsReportAndRepairs()
    {
        await using var app = await StartAppAsync(RealModeArgs(ClientSecret));
        using var client = CreateClient(app);

        using var response = await client.PostAsync(new Uri("/directory/reconcile", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var report = JsonDocument.Parse(body);
        report.RootElement.GetProperty("scimUsers").GetInt32().Should().Be(1);
        report.RootElement.GetProperty("usersAdded").GetInt32().Should().Be(1);
        report.RootElement.GetProperty("groupsAdded").GetInt32().Should().Be(1);
        report.RootElement.GetProperty("membershipsAdded").GetInt32().Should().Be(1);
        report.RootElement.GetProperty("differenceCount").GetInt32().Should().Be(3);
        report.RootElement.GetProperty("changes")[0].GetProperty("kind").GetString().Should().Be("UserAdded");
        body.Should().NotContain(ClientSecret);
        (await app.Services.GetRequiredService<DirectoryStore>().CountAsync()).Should().Be(new DirectoryCounts(1, 0, 1, 1));
        await app.StopAsync();
    }

    [Fact]
    public async Task Post_ScimFailureIs502WithoutSecret()
    {
        await using var app = await StartAppAsync(RealModeArgs("wrong-secret-value"));
        using var client = CreateClient(app);

        using var response = await client.PostAsync(new Uri("/directory/reconcile", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.Should().NotContain("wrong-secret-value").And.NotContain(_scimUri!.Authority);
        await app.StopAsync();
    }

    [Fact]
    public async Task Post_IsNotMappedWithoutScim()
    {
        await using var app = await StartAppAsync(
            $"--Idaas:ApplicationId={_simulator.Options.ApplicationId}",
            $"--Idaas:JsonWebKeySet={_simulator.Keys.ToJwksJson()}",
            $"--Sample:DatabasePath={_database.DatabasePath}");
        using var client = CreateClient(app);

        using var response = await client.PostAsync(new Uri("/directory/reconcile", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await app.StopAsync();
    }

    [Fact]
    public async Task Switch_ReconcilesOnceAndExits()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SampleApp.RunAsync([.. RealModeArgs(ClientSecret), SampleApp.ReconcileSwitch, $"--contentRoot={_database.Folder}", "--Logging:LogLevel:Default=None"], output, error);

        exitCode.Should().Be(0, error.ToString());
        output.ToString().Should().StartWith("reconcile: 1 users and 1 groups read through SCIM; users: 1 added");
        output.ToString().Should().Contain("UserAdded user_");
        output.ToString().Should().NotContain(ClientSecret);
        using var store = new DirectoryStore(_database.DatabasePath);
        (await store.CountAsync()).Users.Should().Be(1);
    }

    [Fact]
    public async Task Switch_WithoutScimIsConfigurationError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SampleApp.RunAsync(
            [$"--Idaas:ApplicationId={_simulator.Options.ApplicationId}", $"--Idaas:JsonWebKeySet={_simulator.Keys.ToJwksJson()}", $"--Sample:DatabasePath={_database.DatabasePath}", SampleApp.ReconcileSwitch, $"--contentRoot={_database.Folder}", "--Logging:LogLevel:Default=None"],
            output,
            error);

        exitCode.Should().Be(SampleApp.ConfigurationErrorExitCode);
        error.ToString().Should().StartWith("Invalid configuration:").And.Contain("Idaas:Scim:BaseAddress");
    }

    [Fact]
    public async Task Switch_WithoutInstanceIdNamesKeys()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SampleApp.RunAsync(
            [
                $"--Idaas:ApplicationId={_simulator.Options.ApplicationId}",
                $"--Idaas:JsonWebKeySet={_simulator.Keys.ToJwksJson()}",
                $"--Sample:DatabasePath={_database.DatabasePath}",
                "--Idaas:Scim:BaseAddress=http://127.0.0.1:9/scim",
                "--Idaas:Scim:ClientCredentials:ClientId=sample-client",
                "--Idaas:Scim:ClientCredentials:ClientSecret=not-used-here",
                SampleApp.ReconcileSwitch,
                $"--contentRoot={_database.Folder}",
                "--Logging:LogLevel:Default=None",
            ],
            output,
            error);

        exitCode.Should().Be(SampleApp.ConfigurationErrorExitCode);
        error.ToString().Should().StartWith("Invalid configuration:");
        error.ToString().Should().Contain("Idaas:InstanceId").And.Contain("Idaas:Scim:ClientCredentials:TokenEndpoint");
        error.ToString().Should().NotContain("not-used-here");
    }

    [Fact]
    public async Task Switch_ScimFailureExitsWithoutSecret()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await SampleApp.RunAsync([.. RealModeArgs("wrong-secret-value"), SampleApp.ReconcileSwitch, $"--contentRoot={_database.Folder}", "--Logging:LogLevel:Default=None"], output, error);

        exitCode.Should().Be(SampleApp.ReconcileFailedExitCode);
        error.ToString().Should().StartWith("Reconcile failed:").And.NotContain("wrong-secret-value");
    }
}
