using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.AspNetCore.Tests.Support;

/// <summary>
/// A handler for account events, registered so that user events count as handled. The tests never drain the
/// inbox, so it is never called.
/// </summary>
internal sealed class UserEventRecorder : IIdaasEventHandler<UserEvent>
{
    public Task HandleAsync(UserEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
        => throw new InvalidOperationException("The endpoint must not call handlers; the dispatcher does.");
}
