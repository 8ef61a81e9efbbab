using System.Text.Json;
using Idaas.Callbacks.AspNetCore;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Idaas.Callbacks.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Idaas.Callbacks.LoadHarness;

/// <summary>
/// A Kestrel server on 127.0.0.1 with two endpoints: the SDK's <c>MapIdaasCallbacks</c> with a handler that
/// does nothing, and a baseline that only validates the token with <see cref="JsonWebTokenHandler"/>.
/// </summary>
internal sealed class HarnessServer : IAsyncDisposable
{
    public const string ReceiverPath = "/idaas/callbacks";
    public const string BaselinePath = "/baseline";

    private readonly WebApplication _app;

    private HarnessServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HarnessServer> StartAsync(IdaasSigningKey key, string applicationId, string instanceId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddIdaasCallbacks(options =>
        {
            options.ApplicationId = applicationId;
            options.InstanceId = instanceId;
            options.JsonWebKeySet = IdaasJsonWebKeySet.ToJson(key);
        }).AddHandler<DiscardingHandler>();

        var app = builder.Build();
        app.MapIdaasCallbacks(ReceiverPath);
        MapBaseline(app, key, applicationId);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HarnessServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void MapBaseline(WebApplication app, IdaasSigningKey key, string applicationId)
    {
        var handler = new JsonWebTokenHandler();
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = key.KeyId },
            ValidIssuer = CallbackTokenDescriptor.IdaasIssuer,
            ValidAudience = applicationId,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromSeconds(60),
        };

        app.MapPost(BaselinePath, async (HttpRequest request) =>
        {
            using var envelope = await JsonDocument.ParseAsync(request.Body);
            var token = envelope.RootElement.GetProperty("event").GetString();
            var result = await handler.ValidateTokenAsync(token, parameters);
            return result.IsValid ? Results.Ok() : Results.BadRequest();
        });
    }

    /// <summary>Takes every event and does nothing, so the run measures the receiving side alone.</summary>
    private sealed class DiscardingHandler : IIdaasEventHandler<IdaasEvent>
    {
        public Task HandleAsync(IdaasEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
