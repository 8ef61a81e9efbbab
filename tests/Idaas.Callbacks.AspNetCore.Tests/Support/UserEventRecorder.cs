using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>
/// A handler for account events that reports every call to <see cref="RecordedEvents"/>. Most tests stop the
/// dispatcher, so it is called only in the tests that run it.
/// </summary>
internal sealed class UserEventRecorder(RecordedEvents recorded) : IIdaasEventHandler<UserEvent>
{
    public Task HandleAsync(UserEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
        => recorded.RecordAsync(idaasEvent, context, cancellationToken);
}
