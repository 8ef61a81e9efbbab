namespace Idaas.Callbacks.Processing.Internal;

/// <summary>How one handler's attempts at one event ended.</summary>
internal enum EntryOutcome
{
    Handled,
    DeadLettered,

    /// <summary>The drain time ran out; the entry is neither handled nor completed.</summary>
    Aborted,
}
