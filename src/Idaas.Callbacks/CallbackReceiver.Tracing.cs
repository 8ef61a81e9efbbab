using System.Diagnostics;
using Idaas.Callbacks.Internal;

namespace Idaas.Callbacks;

/// <content>The <c>idaas.callbacks.receive</c> span of each callback.</content>
public sealed partial class CallbackReceiver
{
    private static Activity? StartReceiveActivity()
        => IdaasCallbacksActivitySource.Source.StartActivity(IdaasCallbacksActivitySource.ReceiveSpan, ActivityKind.Internal);

    // Tags the span with the outcome and keeps its context in the result, so that the inbox can store it for
    // the handle spans to link to.
    private static CallbackReceiveResult CompleteReceiveActivity(Activity? activity, CallbackReceiveResult result)
    {
        if (activity is null)
        {
            return result;
        }

        if (result.IsAccepted)
        {
            activity.SetTag(IdaasCallbacksActivitySource.TokenIdTag, result.Token.TokenId);
            activity.SetTag(IdaasCallbacksActivitySource.EventCountTag, result.Events.Count);
            activity.SetTag(IdaasCallbacksActivitySource.FailedEventCountTag, result.FailedEvents.Count);
            result.ReceiveActivityContext = activity.Context;
        }
        else
        {
            IdaasCallbacksActivitySource.SetError(activity, result.RejectionReason.Value.ToString());
        }

        return result;
    }

    // Used in an exception filter that returns false, so the exception propagates with its stack unchanged.
    private static bool RecordReceiveException(Activity? activity, Exception exception)
    {
        IdaasCallbacksActivitySource.SetError(activity, exception.GetType().FullName ?? exception.GetType().Name);
        return false;
    }
}
