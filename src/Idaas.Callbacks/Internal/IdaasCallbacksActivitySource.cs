using System.Diagnostics;

namespace Idaas.Callbacks.Internal;

/// <summary>
/// The <c>Idaas.Callbacks</c> activity source and the names of its spans and tags. Tags carry ids, counts, event
/// type URNs, rejection reasons and exception types, never tokens, keys or event data.
/// </summary>
internal static class IdaasCallbacksActivitySource
{
    public const string Name = "Idaas.Callbacks";

    /// <summary>The span around the verification and decoding of one callback body.</summary>
    public const string ReceiveSpan = "idaas.callbacks.receive";

    /// <summary>The span around one handler attempt for one event.</summary>
    public const string HandleSpan = "idaas.callbacks.handle";

    public const string TokenIdTag = "idaas.token.id";
    public const string EventCountTag = "idaas.callback.event_count";
    public const string FailedEventCountTag = "idaas.callback.failed_event_count";
    public const string EventIdTag = "idaas.event.id";
    public const string EventTypeTag = "idaas.event.type";
    public const string AttemptTag = "idaas.handler.attempt";
    public const string HandlerTypeTag = "idaas.handler.type";
    public const string ErrorTypeTag = "error.type";

    // Static like other libraries' activity sources, because no factory for activity sources exists.
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Marks <paramref name="activity"/> as failed with <paramref name="errorType"/>; does nothing without an activity.</summary>
    public static void SetError(Activity? activity, string errorType)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(ErrorTypeTag, errorType);
        activity.SetStatus(ActivityStatusCode.Error, errorType);
    }
}
