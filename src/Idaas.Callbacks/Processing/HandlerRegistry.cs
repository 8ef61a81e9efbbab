using System.Collections.Concurrent;

namespace Idaas.Callbacks.Processing;

/// <summary>
/// Finds the handler interfaces that apply to an event type: those whose <c>TEvent</c> is the type or one of
/// its base types. Results are cached per event type.
/// </summary>
internal sealed class HandlerRegistry
{
    private readonly HandlerRegistration[] _registrations;
    private readonly ConcurrentDictionary<Type, Type[]> _serviceTypesByEventType = new();

    public HandlerRegistry(IEnumerable<HandlerRegistration> registrations)
    {
        _registrations = [.. registrations.DistinctBy(registration => registration.ServiceType)];
    }

    /// <summary>Returns whether at least one registered handler receives events of <paramref name="eventType"/>.</summary>
    public bool HasHandlerFor(Type eventType) => GetServiceTypes(eventType).Length > 0;

    /// <summary>
    /// Returns the closed handler interfaces to resolve for <paramref name="eventType"/>, one per distinct
    /// <c>TEvent</c>, in registration order.
    /// </summary>
    public Type[] GetServiceTypes(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);

        return _serviceTypesByEventType.GetOrAdd(
            eventType,
            static (type, registrations) => [.. registrations.Where(registration => registration.EventType.IsAssignableFrom(type)).Select(registration => registration.ServiceType)],
            _registrations);
    }
}
