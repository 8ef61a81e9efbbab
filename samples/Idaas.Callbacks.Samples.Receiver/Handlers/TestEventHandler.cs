using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Samples.Receiver.Handlers;

/// <summary>Logs the console's test event; it changes nothing in the directory.</summary>
internal sealed class TestEventHandler(HandledEventCounter counter, ILogger<TestEventHandler> logger) : IIdaasEventHandler<TestEvent>
{
    public Task HandleAsync(TestEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        Log.TestEventReceived(logger, idaasEvent.EventId, idaasEvent.InstanceId);
        counter.Record(applied: true);
        return Task.CompletedTask;
    }
}
