namespace Idaas.Callbacks.Processing;

/// <summary>An inbox entry whose handler failed on every attempt.</summary>
/// <param name="Entry">The entry, with the event and its data.</param>
/// <param name="HandlerType">The handler that failed.</param>
/// <param name="ExceptionType">The full name of the type of the last exception.</param>
/// <param name="ExceptionMessage">The message of the last exception, which the handler wrote and may contain event data.</param>
/// <param name="Attempts">The number of attempts made.</param>
/// <param name="DeadLetteredAt">The time the last attempt failed.</param>
public sealed record DeadLetter(
    InboxEntry Entry,
    Type HandlerType,
    string ExceptionType,
    string ExceptionMessage,
    int Attempts,
    DateTimeOffset DeadLetteredAt);
