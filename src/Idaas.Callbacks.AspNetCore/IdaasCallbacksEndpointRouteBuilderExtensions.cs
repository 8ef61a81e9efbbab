using Idaas.Callbacks.AspNetCore.Internal;
using Idaas.Callbacks.Processing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Idaas.Callbacks.AspNetCore;

/// <summary>
/// Maps the endpoint that receives IDaaS callbacks.
/// </summary>
public static class IdaasCallbacksEndpointRouteBuilderExtensions
{
    /// <summary>The default route pattern of <see cref="MapIdaasCallbacks"/>.</summary>
    public const string DefaultPattern = "/idaas/callbacks";

    /// <summary>
    /// Maps one POST endpoint at <paramref name="pattern"/> that verifies IDaaS callbacks, puts their handled
    /// events into the inbox and responds with the acknowledgement IDaaS expects.
    /// </summary>
    /// <param name="endpoints">The route builder, such as the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern; the URL configured in IDaaS as the synchronization receiving address.</param>
    /// <returns>A builder to add conventions such as host filters or rate limits to the endpoint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is null, empty or white space.</exception>
    /// <exception cref="InvalidOperationException">The callback services were not registered with <c>services.AddIdaasCallbacks(...)</c>.</exception>
    /// <remarks>
    /// <para>
    /// An accepted callback gets a 200 response with <c>Content-Type: application/json; charset=utf-8</c> and the four
    /// result lists. Events with a registered handler are listed as successes once the inbox took them or
    /// reported them as duplicates; events without a handler, including unrecognized types, as skipped;
    /// events that failed to decode, as failed. The endpoint never waits for a handler.
    /// </para>
    /// <para>
    /// Rejections are RFC 9457 problem details with <c>status</c>, <c>title</c>, <c>detail</c> and a
    /// <c>reason</c> member holding the <see cref="CallbackRejectionReason"/> name: 400 for an invalid callback,
    /// 413 for a body over <see cref="IdaasCallbackOptions.MaxBodyBytes"/> (with or without
    /// <c>Content-Length</c>), 415 for an unsupported content type, and 503 with <c>Retry-After</c> when a retry
    /// can succeed: 10 seconds when the signing keys are unavailable or the host is stopping, 5 seconds for a
    /// full inbox, 60 seconds when the encryption key or policy needs an operator. Nothing is acknowledged on a 503.
    /// </para>
    /// <para>
    /// Content types: any <c>application/json</c> media type is accepted, in any case and with any parameters,
    /// when its charset is UTF-8 (<c>utf-8</c> or <c>utf8</c> in any case) or absent. A missing header or
    /// <c>text/plain</c> is accepted too, because the signature authenticates the body; the body must still be
    /// the <c>{"event":"..."}</c> envelope, and the first such request is logged as a warning. Every other
    /// media type, and any other charset, gets a 415 response.
    /// </para>
    /// <para>
    /// The endpoint reads the raw body once and raises the request's body size limit to
    /// <see cref="IdaasCallbackOptions.MaxBodyBytes"/> plus one byte, above or below the server's limit.
    /// Middleware that reads the body first must call <c>HttpRequest.EnableBuffering()</c>; the endpoint then
    /// rewinds the stream. A body read without buffering arrives empty and gets a 400 response.
    /// </para>
    /// </remarks>
    public static IEndpointConventionBuilder MapIdaasCallbacks(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);

        var services = endpoints.ServiceProvider;
        if (!IsRegistered(services, typeof(CallbackReceiver)) || !IsRegistered(services, typeof(CallbackIntake)))
        {
            throw new InvalidOperationException(
                "The IDaaS callback services are not registered. Call services.AddIdaasCallbacks(...) when you configure the services, before MapIdaasCallbacks.");
        }

        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var endpoint = new CallbackEndpoint(loggerFactory.CreateLogger<CallbackEndpoint>());
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync)
            .WithDisplayName("IDaaS callbacks");
    }

    // Checks the registration without resolving, so that options are validated at host start, not here.
    private static bool IsRegistered(IServiceProvider services, Type serviceType)
        => services.GetService<IServiceProviderIsService>() is { } isService
            ? isService.IsService(serviceType)
            : services.GetService(serviceType) is not null;
}
