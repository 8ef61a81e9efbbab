namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

internal static partial class Log
{
    [LoggerMessage(EventId = 200, EventName = "ReconcileStarted", Level = LogLevel.Information, Message = "Reconcile started; repairs are written with event time {EventTime:O}.")]
    public static partial void ReconcileStarted(ILogger logger, DateTimeOffset eventTime);

    [LoggerMessage(EventId = 201, EventName = "ReconcileFinished", Level = LogLevel.Information, Message = "Reconcile read {ScimUsers} users and {ScimGroups} groups through SCIM and found {DifferenceCount} differences: {Counts}.")]
    public static partial void ReconcileFinished(ILogger logger, int scimUsers, int scimGroups, int differenceCount, string counts);

    [LoggerMessage(EventId = 202, EventName = "ReconcileFailed", Level = LogLevel.Error, Message = "Reconcile failed; repairs written before the failure stay.")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception);
}
