namespace Idaas.Callbacks.Processing;

/// <summary>One closed <see cref="IIdaasEventHandler{TEvent}"/> that a handler type implements.</summary>
/// <param name="EventType">The <c>TEvent</c> of the interface.</param>
/// <param name="ServiceType">The closed interface, resolved from a scope to call the handler.</param>
/// <param name="HandlerType">The registered handler type.</param>
internal sealed record HandlerRegistration(Type EventType, Type ServiceType, Type HandlerType);
