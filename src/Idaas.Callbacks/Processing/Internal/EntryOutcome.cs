namespace Idaas.Callbacks.Processing.Internal;

/// <summary>How one handler's attempts at one event ended.</summary>
internal enum EntryOutcome
{
    Handled,
    DeadLettered,

    /// <summary>The drain time ran out before the entry was handled, so it is not completed.</summary>
    Aborted,
}
