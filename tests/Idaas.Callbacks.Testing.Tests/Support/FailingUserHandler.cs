using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>Fails on every user whose user name is <see cref="FailingUsername"/>.</summary>
internal sealed class FailingUserHandler : IIdaasEventHandler<UserCreatedEvent>
{
    public const string FailingUsername = "broken";

    public Task HandleAsync(UserCreatedEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
        => idaasEvent.User.Username == FailingUsername
            ? throw new InvalidOperationException($"The test handler rejects the user name {FailingUsername}.")
            : Task.CompletedTask;
}
