using Idaas.Callbacks.Events;
using Idaas.Callbacks.Processing;

namespace Idaas.Callbacks.Testing.Tests.Support;

/// <summary>Stores the user name of every user event in <see cref="UserStore"/>, after passing its gate.</summary>
internal sealed class UserStoreHandler(UserStore store) : IIdaasEventHandler<UserEvent>
{
    public async Task HandleAsync(UserEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
    {
        await store.PassGateAsync(cancellationToken);
        store.UserNames[idaasEvent.User.UserId ?? idaasEvent.BusinessId ?? ""] = idaasEvent.User.Username;
    }
}
