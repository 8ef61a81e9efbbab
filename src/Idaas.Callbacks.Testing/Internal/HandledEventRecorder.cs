using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Testing.Internal;

/// <summary>The handler for every event that records its id in the <see cref="HandledEventTracker"/>.</summary>
internal sealed class HandledEventRecorder(HandledEventTracker tracker) : IIdaasEventHandler<IdaasEvent>
{
    public Task HandleAsync(IdaasEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        tracker.RecordHandled(idaasEvent.EventId);
        return Task.CompletedTask;
    }
}
