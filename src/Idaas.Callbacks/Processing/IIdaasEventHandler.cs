using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Processing;

/// <summary>
/// Handles IDaaS events of type <typeparamref name="TEvent"/> after they were acknowledged. Register
/// implementations with <see cref="IdaasCallbacksBuilder.AddHandler{THandler}"/>; a handler for
/// <see cref="IdaasEvent"/> receives every event.
/// </summary>
/// <typeparam name="TEvent">The event type, such as <see cref="UserCreatedEvent"/> or <see cref="UserEvent"/>.</typeparam>
/// <remarks>
/// Each invocation runs in its own dependency-injection scope. An exception makes the dispatcher retry the
/// event and, after the last attempt, hand it to the dead-letter sink. Handlers should be idempotent upserts,
/// because IDaaS full pushes repeat records.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The name is part of the published handler contract.")]
public interface IIdaasEventHandler<in TEvent>
    where TEvent : IdaasEvent
{
    /// <summary>Handles one event.</summary>
    /// <param name="idaasEvent">The event.</param>
    /// <param name="context">Where the event came from, and the attempt number.</param>
    /// <param name="cancellationToken">Canceled when the host stops and the drain time is over.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken);
}
