using System.Collections.Concurrent;
using Idaas.Callbacks.AspNetCore;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Idaas.Callbacks.Testing.Tests.Docs;

// The receiver app that docs/testing-with-the-simulator.md tests. Keep the guide's copy of this code in step.

/// <summary>The app's local copy of the IDaaS users: user name by user id.</summary>
public sealed class UserDirectory
{
    public ConcurrentDictionary<string, string?> Users { get; } = new();
}

/// <summary>Applies user events to the <see cref="UserDirectory"/>.</summary>
public sealed class UserDirectoryHandler(UserDirectory directory) : IIdaasEventHandler<UserEvent>
{
    public Task HandleAsync(UserEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        var userId = idaasEvent.BusinessId!;
        if (idaasEvent is UserDeletedEvent)
        {
            directory.Users.TryRemove(userId, out _);
        }
        else
        {
            directory.Users[userId] = idaasEvent.User.Username;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Builds the app. Program.cs calls <c>ReceiverApp.Build(args).Run()</c>, and tests add their settings.</summary>
public static class ReceiverApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddIdaasCallbacks(builder.Configuration.GetSection("Idaas:Callbacks"))
            .AddHandler<UserDirectoryHandler>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapIdaasCallbacks("/idaas/callbacks");
        return app;
    }
}
