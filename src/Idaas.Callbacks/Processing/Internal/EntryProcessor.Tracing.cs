using System.Diagnostics;
using Idaas.Callbacks.Internal;

namespace Idaas.Callbacks.Processing.Internal;

/// <content>The <c>idaas.callbacks.handle</c> span of each handler attempt.</content>
internal sealed partial class EntryProcessor
{
    // A link and not a parent, because the receive span ends before its events are enqueued, and a handler may
    // run long after the request, possibly after a restart.
    private static Activity? StartHandleActivity(InboxEntry entry, Type handlerType, int attempt)
    {
        var source = IdaasCallbacksActivitySource.Source;
        if (!source.HasListeners())
        {
            return null;
        }

        ActivityLink[]? links = entry.ReceiveActivityContext == default ? null : [new ActivityLink(entry.ReceiveActivityContext)];
        var tags = new ActivityTagsCollection
        {
            [IdaasCallbacksActivitySource.EventIdTag] = entry.Event.EventId,
            [IdaasCallbacksActivitySource.EventTypeTag] = entry.Event.EventType,
            [IdaasCallbacksActivitySource.AttemptTag] = attempt,
            [IdaasCallbacksActivitySource.HandlerTypeTag] = handlerType.FullName,
        };
        return source.StartActivity(IdaasCallbacksActivitySource.HandleSpan, ActivityKind.Consumer, parentContext: default, tags, links);
    }
}
