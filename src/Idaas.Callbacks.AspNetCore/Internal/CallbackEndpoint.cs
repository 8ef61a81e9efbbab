using Idaas.Callbacks.Internal;
using Idaas.Callbacks.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks.AspNetCore.Internal;

/// <summary>
/// Handles one callback POST: checks the content type, reads the body once within the size limit, verifies
/// it, hands the events to the inbox and responds with the acknowledgement or a problem details rejection.
/// </summary>
/// <remarks>
/// The services are resolved per request rather than when the endpoint is mapped, so that invalid options
/// fail at host start, where <c>ValidateOnStart</c> reports them, and not inside <c>MapIdaasCallbacks</c>.
/// Thread-safe.
/// </remarks>
internal sealed partial class CallbackEndpoint
{
    private const string JsonContentType = "application/json; charset=utf-8";

    private readonly ILogger _logger;

    // 0 until the first request without a JSON content type, which is logged at Warning; later ones at Debug.
    private int _lenientContentTypeSeen;

    public CallbackEndpoint(ILogger<CallbackEndpoint> logger) => _logger = logger;

    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            await RejectAsync(context, CallbackRejectionReason.InboxClosed, StatusCodes.Status503ServiceUnavailable, "The receiver is stopping and takes no new events. Retry later.");
            return;
        }

        if (!await CheckContentTypeAsync(context))
        {
            return;
        }

        var maxBodyBytes = services.GetRequiredService<IOptions<IdaasCallbackOptions>>().Value.MaxBodyBytes;
        if (context.Request.ContentLength > maxBodyBytes)
        {
            await RejectAsync(context, CallbackRejectionReason.BodyTooLarge, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBodyBytes} bytes.");
            return;
        }

        var received = await ReceiveAsync(context, services.GetRequiredService<CallbackReceiver>(), maxBodyBytes);
        if (received is null)
        {
            return;
        }

        if (!received.IsAccepted)
        {
            await RejectAsync(context, received.RejectionReason.Value, received.StatusCode, received.RejectionMessage);
            return;
        }

        var intake = await services.GetRequiredService<CallbackIntake>().AcceptAsync(received, context.RequestAborted);
        if (intake.Acknowledgement is null)
        {
            await RejectInboxAsync(context, intake.Status);
            return;
        }

        services.GetRequiredService<IdaasCallbacksMetrics>().RecordCallbackAccepted();
        var body = intake.Acknowledgement.ToUtf8Json();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private async Task<bool> CheckContentTypeAsync(HttpContext context)
    {
        switch (CallbackContentType.Check(context.Request.ContentType))
        {
            case ContentTypeCheck.Json:
                return true;
            case ContentTypeCheck.Lenient:
                var level = Interlocked.Exchange(ref _lenientContentTypeSeen, 1) == 0 ? LogLevel.Warning : LogLevel.Debug;
                Log.LenientContentType(_logger, level, context.Request.ContentType is null ? "(none)" : "text/plain");
                return true;
            case ContentTypeCheck.NotUtf8:
                await RejectAsync(context, CallbackRejectionReason.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType, "The Content-Type names a charset other than UTF-8. Send the body as UTF-8 JSON with Content-Type application/json.");
                return false;
            default:
                await RejectAsync(context, CallbackRejectionReason.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType, "The Content-Type is not application/json. Send the body as UTF-8 JSON with Content-Type application/json.");
                return false;
        }
    }

    /// <summary>Reads and verifies the body, or writes a rejection and returns <see langword="null"/> when the server failed to read it.</summary>
    private async Task<CallbackReceiveResult?> ReceiveAsync(HttpContext context, CallbackReceiver receiver, int maxBodyBytes)
    {
        // One byte over the limit lets the receiver detect the overflow and reject it in its own shape before
        // Kestrel's limit throws. The feature is read-only once something started reading the body.
        var sizeLimit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
        {
            sizeLimit.MaxRequestBodySize = maxBodyBytes + 1L;
        }

        // Middleware that read the body after EnableBuffering leaves a seekable stream at its end; start over.
        // A body that was read without buffering is gone and arrives here empty, which is a 400.
        var body = context.Request.Body;
        if (body.CanSeek && body.Position > 0)
        {
            body.Position = 0;
        }

        try
        {
            return await receiver.ReceiveAsync(body, context.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await RejectAsync(context, CallbackRejectionReason.BodyTooLarge, StatusCodes.Status413PayloadTooLarge, "The request body is larger than the server's request body size limit.");
            return null;
        }
        catch (BadHttpRequestException exception)
        {
            // For example a malformed chunked encoding or a body sent too slowly. The exception message stays in the log.
            Log.BodyReadFailed(_logger, exception.StatusCode, exception);
            await RejectAsync(context, CallbackRejectionReason.MalformedBody, exception.StatusCode, "The request body could not be read.");
            return null;
        }
    }

    private Task RejectInboxAsync(HttpContext context, InboxEnqueueStatus status) => status == InboxEnqueueStatus.Full
        ? RejectAsync(context, CallbackRejectionReason.InboxFull, StatusCodes.Status503ServiceUnavailable, "The event inbox is full, so no event of this callback was taken. Retry later.")
        : RejectAsync(context, CallbackRejectionReason.InboxClosed, StatusCodes.Status503ServiceUnavailable, "The event inbox is closed because the receiver is stopping, so no event of this callback was taken. Retry later.");

    // Every rejection passes here, so the callback counter records each request once. A request that ends in an
    // exception, such as a client abort, is not counted.
    private Task RejectAsync(HttpContext context, CallbackRejectionReason reason, int statusCode, string detail)
    {
        context.RequestServices.GetRequiredService<IdaasCallbacksMetrics>().RecordCallbackRejected(reason);

        // A 503 means the receiver cannot take callbacks now, which an operator should notice.
        var level = statusCode >= StatusCodes.Status500InternalServerError ? LogLevel.Warning : LogLevel.Information;
        Log.CallbackRejected(_logger, level, statusCode, reason);
        return CallbackProblem.WriteAsync(context, statusCode, reason, detail);
    }
}
