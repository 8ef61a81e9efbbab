using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Tests.Processing;

/// <summary>A scoped dependency with a new id per scope, so tests can compare scopes.</summary>
internal sealed class ScopeMarker
{
    public Guid Id { get; } = Guid.NewGuid();
}

internal sealed class UserEventHandler(HandlerProbe probe, ScopeMarker scope) : IIdaasEventHandler<UserEvent>
{
    public Task HandleAsync(UserEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
        => probe.RecordAsync(new HandlerCall(nameof(UserEventHandler), idaasEvent, context, scope.Id), cancellationToken);
}

internal sealed class AnyEventHandler(HandlerProbe probe, ScopeMarker scope) : IIdaasEventHandler<IdaasEvent>
{
    public Task HandleAsync(IdaasEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
        => probe.RecordAsync(new HandlerCall(nameof(AnyEventHandler), idaasEvent, context, scope.Id), cancellationToken);
}

/// <summary>Handles two event types, so that AddHandler registers two interfaces.</summary>
internal sealed class CreatedAndDeletedHandler : IIdaasEventHandler<UserCreatedEvent>, IIdaasEventHandler<UserDeletedEvent>
{
    public Task HandleAsync(UserCreatedEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task HandleAsync(UserDeletedEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
