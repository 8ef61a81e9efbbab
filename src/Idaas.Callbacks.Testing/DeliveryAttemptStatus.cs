namespace Idaas.Callbacks.Testing;

/// <summary>How one <see cref="DeliveryAttempt"/> ended.</summary>
public enum DeliveryAttemptStatus
{
    /// <summary>The receiver returned 200 with an acknowledgement body that could be parsed.</summary>
    Acknowledged,

    /// <summary>The receiver returned a status other than 200.</summary>
    Rejected,

    /// <summary>
    /// No response arrived within <see cref="CallbackDeliveryOptions.Timeout"/>, or the response was ignored
    /// because of <see cref="DeliveryFaults.DropResponses"/>.
    /// </summary>
    TimedOut,

    /// <summary>The request failed without a response, for example because the connection was refused or reset.</summary>
    ConnectionFailed,

    /// <summary>The receiver returned 200, but the body is not an acknowledgement with the four event lists.</summary>
    InvalidAcknowledgement,
}
