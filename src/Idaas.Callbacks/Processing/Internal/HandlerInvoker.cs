using System.Collections.Concurrent;
using System.Reflection;
using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Processing.Internal;

/// <summary>
/// Calls <see cref="IIdaasEventHandler{TEvent}.HandleAsync"/> on a handler resolved as <see cref="object"/>,
/// through one delegate per closed handler interface, built once with reflection and cached.
/// </summary>
internal static class HandlerInvoker
{
    private static readonly MethodInfo InvokeDefinition = typeof(HandlerInvoker).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<object, IdaasEvent, IdaasEventContext, CancellationToken, Task>> Invokers = new();

    /// <summary>Returns the delegate that calls handlers of <paramref name="serviceType"/>, a closed <see cref="IIdaasEventHandler{TEvent}"/>.</summary>
    public static Func<object, IdaasEvent, IdaasEventContext, CancellationToken, Task> Get(Type serviceType)
        => Invokers.GetOrAdd(serviceType, static type => InvokeDefinition
            .MakeGenericMethod(type.GetGenericArguments()[0])
            .CreateDelegate<Func<object, IdaasEvent, IdaasEventContext, CancellationToken, Task>>());

    private static Task Invoke<TEvent>(object handler, IdaasEvent idaasEvent, IdaasEventContext context, CancellationToken cancellationToken)
        where TEvent : IdaasEvent
        => ((IIdaasEventHandler<TEvent>)handler).HandleAsync((TEvent)idaasEvent, context, cancellationToken);
}
