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

namespace Idaas.Callbacks.Samples.Receiver.Tests;

/// <summary>The read-only endpoints of the app in real IDaaS mode, on Kestrel at 127.0.0.1.</summary>
public sealed class DirectoryEndpointTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _database = new();
    private readonly SimulatorSigningKeys _keys = new();
    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = _database.Folder,
            Args =
            [
                "--Idaas:ApplicationId=app_endpointtests",
                $"--Idaas:JsonWebKeySet={_keys.ToJwksJson()}",
                $"--Sample:DatabasePath={_database.DatabasePath}",
            ],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        SampleApp.IsIdaasConfigured(builder.Configuration).Should().BeTrue();

        _app = SampleApp.Build(builder);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address) };

        var store = _app.Services.GetRequiredService<DirectoryStore>();
        await store.UpsertUserAsync(new DirectoryUser { UserId = "user_alice", Username = "alice", PasswordSet = true, Status = "enabled" }, T0);
        await store.UpsertUserAsync(new DirectoryUser { UserId = "user_bob", Username = "bob" }, T0);
        await store.DeleteUserAsync("user_bob", T0.AddSeconds(1));
        await store.UpsertOrganizationalUnitAsync(new DirectoryOrganizationalUnit { OrganizationalUnitId = "ou_root", Name = "Root" }, T0);
        await store.SetGroupMemberAsync(new DirectoryGroup { GroupId = "group_admins", Name = "Admins" }, "user_alice", isMember: true, T0);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _keys.Dispose();
        _database.Dispose();
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client!.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Users_ExcludeTombstones()
    {
        var users = await GetAsync("/directory/users");

        users.GetArrayLength().Should().Be(1);
        users[0].GetProperty("userId").GetString().Should().Be("user_alice");
        users[0].GetProperty("passwordSet").GetBoolean().Should().BeTrue();
        users[0].TryGetProperty("password", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Users_IncludeDeletedOnRequest()
    {
        var users = await GetAsync("/directory/users?includeDeleted=true");

        users.EnumerateArray().Select(user => (user.GetProperty("userId").GetString(), user.GetProperty("deleted").GetBoolean()))
            .Should().Equal(("user_alice", false), ("user_bob", true));
    }

    [Fact]
    public async Task Groups_ListMemberIds()
    {
        var groups = await GetAsync("/directory/groups");

        groups.GetArrayLength().Should().Be(1);
        groups[0].GetProperty("groupId").GetString().Should().Be("group_admins");
        groups[0].GetProperty("memberIds").EnumerateArray().Select(id => id.GetString()).Should().Equal("user_alice");
    }

    [Fact]
    public async Task OrganizationalUnits_ListRoot()
    {
        var units = await GetAsync("/directory/organizational-units");

        units.GetArrayLength().Should().Be(1);
        units[0].GetProperty("organizationalUnitId").GetString().Should().Be("ou_root");
        units[0].GetProperty("name").GetString().Should().Be("Root");
    }

    [Fact]
    public async Task Directory_RejectsPost()
    {
        using var response = await _client!.PostAsync(new Uri("/directory/users", UriKind.Relative), new StringContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }
}
