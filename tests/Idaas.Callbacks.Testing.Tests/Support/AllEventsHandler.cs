using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>A handler for every event that does nothing, to test the order of registrations.</summary>
internal sealed class AllEventsHandler : IIdaasEventHandler<IdaasEvent>
{
    public Task HandleAsync(IdaasEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
