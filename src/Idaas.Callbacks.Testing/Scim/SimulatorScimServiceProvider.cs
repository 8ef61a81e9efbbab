using System.Text.Json;
using System.Text.Json.Nodes;
using Idaas.Callbacks.Testing.Internal;
using Idaas.Callbacks.Testing.Scim.Internal;

namespace Idaas.Callbacks.Testing.Scim;

/// <summary>
/// A simulated IDaaS SCIM 2.0 service provider (RFC 7643 and 7644) over a <see cref="SimulatorDirectory"/>, with
/// the OAuth 2.0 client-credentials token endpoint, served in memory through <see cref="CreateHandler"/> or on
/// 127.0.0.1 through <see cref="StartServerAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// Paths: the SCIM base is <c>/v2/{instanceId}/{applicationId}/scim</c>, with <c>/Users</c>, <c>/Groups</c>,
/// <c>/ServiceProviderConfig</c>, <c>/ResourceTypes</c> and <c>/Schemas</c> under it. The token endpoint is
/// <c>/v2/{instanceId}/{applicationId}/oauth2/token</c>. <c>/Me</c>, <c>/Bulk</c> and <c>/.search</c> return 501,
/// because IDaaS does not offer them. Discovery needs no token, but Users and Groups need
/// <c>Authorization: Bearer</c> with an issued token or <see cref="ScimServiceProviderOptions.StaticBearerToken"/>.
/// </para>
/// <para>
/// Every SCIM write goes through the directory, so it emits the callback events the same change made through the
/// directory API would: a create emits <c>user:create</c> (and <c>user:disable</c> when inactive) or
/// <c>group:create</c> and one <c>group:add_user</c> per member; a replace or patch emits <c>user:update_info</c>,
/// <c>user:update_password</c>, <c>user:enable</c> or <c>user:disable</c>, or <c>group:update</c>,
/// <c>group:add_user</c> and <c>group:remove_user</c>, for what changed; a delete emits the delete event. Each write
/// adds one <see cref="SimulatorChange"/> with all its events to <see cref="Changes"/> and passes it to the
/// callback given at construction before the response is sent; <see cref="IdaasSimulator"/> uses that callback to
/// deliver the events.
/// </para>
/// <para>
/// Lists: <c>startIndex</c> is 1-based, <c>count</c> defaults to 100 and larger values are clamped to 100, and an
/// empty page carries <c>"Resources": []</c> (RFC 7644 also allows leaving it out, which
/// <see cref="ScimFaults.OmitEmptyResources"/> simulates). Filters follow RFC 7644, section 3.4.2.2, and an invalid
/// filter gets 400 <c>invalidFilter</c>. Strings compare by the schema's <c>caseExact</c>: <c>id</c>,
/// <c>externalId</c>, <c>meta.version</c>, <c>meta.location</c>, <c>$ref</c> and the <c>value</c> of
/// <c>members</c>, <c>groups</c> and <c>manager</c> are case-exact, and other strings such as <c>userName</c> and
/// <c>displayName</c> are not. <c>userName</c> and group <c>displayName</c> are unique without case (409
/// <c>uniqueness</c>).
/// </para>
/// <para>
/// PATCH matches operation names without case and takes <c>"True"</c> and <c>"False"</c> for booleans, as
/// Microsoft Entra ID sends them. An <c>add</c> or <c>replace</c> whose value filter matches nothing appends a value
/// built from the filter when the filter is only <c>eq</c> comparisons joined by <c>and</c>, such as
/// <c>addresses[type eq "work"].formatted</c>, and otherwise gets 400 <c>noTarget</c>. A <c>remove</c> whose filter
/// matches nothing succeeds without a change. Each resource has <c>meta.version</c> <c>W/"n"</c>, also sent as
/// <c>ETag</c>. A stale <c>If-Match</c> gets 412, and a current <c>If-None-Match</c> on a read gets 304.
/// </para>
/// <para>
/// Known gaps: IDaaS does not document its SCIM base path, paging or error bodies, so this provider follows RFC 7644.
/// Lists of groups leave out <c>members</c>, as the IDaaS documentation describes. Read a group by id for its members.
/// Instances are thread-safe.
/// </para>
/// </remarks>
public sealed partial class SimulatorScimServiceProvider : IAsyncDisposable
{
    private readonly SimulatorDirectory _directory;
    private readonly Action<SimulatorChange>? _changed;
    private readonly ScimRateLimiter _rateLimiter;
    private readonly ScimTokenIssuer _tokens;
    private readonly Lock _changesLock = new();
    private readonly List<SimulatorChange> _changes = [];
    private int _requestCount;

    /// <summary>Creates a service provider for one simulated IDaaS application.</summary>
    /// <param name="directory">The directory that SCIM reads and writes.</param>
    /// <param name="instanceId">The IDaaS instance id in the paths.</param>
    /// <param name="applicationId">The application id in the paths.</param>
    /// <param name="options">The credentials, token lifetime and rate limit, or <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock for token expiry and the rate limit, or <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <param name="changed">Called with each change a SCIM write made, before the response is sent, or <see langword="null"/>.
    /// It runs on the request's thread and must not block.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="instanceId"/> or <paramref name="applicationId"/> is empty or
    /// contains characters other than letters, digits, <c>-</c>, <c>.</c>, <c>_</c> and <c>~</c>.</exception>
    public SimulatorScimServiceProvider(
        SimulatorDirectory directory,
        string instanceId,
        string applicationId,
        ScimServiceProviderOptions? options = null,
        TimeProvider? timeProvider = null,
        Action<SimulatorChange>? changed = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ThrowIfNotPathSegment(instanceId);
        ThrowIfNotPathSegment(applicationId);

        _directory = directory;
        var clock = timeProvider ?? TimeProvider.System;
        _changed = changed;
        _rateLimiter = new ScimRateLimiter(clock);
        _tokens = new ScimTokenIssuer(clock);
        Options = options ?? new ScimServiceProviderOptions();
        // NOTE: IDaaS documents the token path but not the SCIM base path, so "/scim" beside it is a guess.
        BasePath = $"/v2/{instanceId}/{applicationId}/scim";
        TokenPath = $"/v2/{instanceId}/{applicationId}/oauth2/token";
        _host = new LoopbackServerHost(this, ServeAsync, MaxRequestBodyBytes);
    }

    /// <summary>Gets the SCIM base path, <c>/v2/{instanceId}/{applicationId}/scim</c>.</summary>
    public string BasePath { get; }

    /// <summary>Gets the token endpoint path, <c>/v2/{instanceId}/{applicationId}/oauth2/token</c>.</summary>
    public string TokenPath { get; }

    /// <summary>Gets the settings, read at each request.</summary>
    public ScimServiceProviderOptions Options { get; }

    /// <summary>Gets the fault switches.</summary>
    public ScimFaults Faults { get; } = new();

    /// <summary>Gets the number of requests to the SCIM base path or the token endpoint so far, including rejected ones.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Gets the changes made by SCIM writes so far, in order, including changes without events.</summary>
    public IReadOnlyList<SimulatorChange> Changes
    {
        get
        {
            lock (_changesLock)
            {
                return [.. _changes];
            }
        }
    }

    /// <summary>
    /// Creates a handler that serves requests in memory, for an <see cref="HttpClient"/> or an
    /// <c>IHttpClientFactory</c> primary handler. Only the path of the request URL is matched, so any host works.
    /// </summary>
    /// <returns>A new handler; the caller disposes it, usually through the <see cref="HttpClient"/>.</returns>
    public HttpMessageHandler CreateHandler() => new ScimHandler(this);

    /// <summary>Issues an access token without a request, as the token endpoint would.</summary>
    /// <returns>An opaque bearer token that expires after <see cref="ScimServiceProviderOptions.TokenLifetime"/>.</returns>
    public string IssueToken()
    {
        Options.Validate();
        return _tokens.Issue(Options.TokenLifetime);
    }

    internal ScimHttpResponse Respond(ScimHttpRequest request)
    {
        var isToken = string.Equals(request.Path, TokenPath, StringComparison.Ordinal);
        if (!isToken && !IsUnderBase(request.Path))
        {
            return new ScimHttpResponse { Status = 404 };
        }

        Interlocked.Increment(ref _requestCount);
        try
        {
            Options.Validate();
            if (Throttle() is { } throttled)
            {
                return throttled;
            }

            if (request.Body.Length > MaxRequestBodyBytes)
            {
                return ScimResponses.Error(413, null, $"The request body is larger than {MaxRequestBodyBytes} characters.", Faults);
            }

            return isToken ? RespondToToken(request) : Route(request);
        }
        catch (ScimException exception)
        {
            return ScimResponses.Error(exception, Faults);
        }
    }

    private bool IsUnderBase(string path)
        => path.StartsWith(BasePath, StringComparison.Ordinal) && (path.Length == BasePath.Length || path[BasePath.Length] == '/');

    private ScimHttpResponse? Throttle()
    {
        if (!_rateLimiter.TryAcquire(Options.RequestsPerSecond, out var retryAfter))
        {
            var limited = ScimResponses.Error(429, null, $"Too many requests: the limit is {Options.RequestsPerSecond} requests per second.", Faults);
            limited.Headers["Retry-After"] = Seconds(retryAfter);
            return limited;
        }

        if (Faults.TryConsumeThrottle())
        {
            var forced = ScimResponses.Error(429, null, "Too many requests.", Faults);
            if (Faults.ThrottleRetryAfter is { } value)
            {
                forced.Headers["Retry-After"] = value;
            }

            return forced;
        }

        return Faults.TryConsumeServerError()
            ? ScimResponses.Error(500, null, "REQUEST_LIMIT_EXCEEDED: concurrent limit 4", Faults)
            : null;
    }

    private ScimHttpResponse Route(ScimHttpRequest request)
    {
        var relative = request.Path[BasePath.Length..].Trim('/');
        var segments = relative.Length == 0 ? [] : relative.Split('/');
        var first = segments.Length > 0 ? segments[0] : string.Empty;

        if (segments.Length == 0)
        {
            throw new ScimException(404, null, $"No SCIM endpoint at {request.Path}. Use /Users, /Groups or a discovery endpoint under it.");
        }

        if (IsAny(first, "Me", "Bulk", ".search") || (segments.Length == 2 && IsAny(segments[1], ".search")))
        {
            throw new ScimException(501, null, $"{request.Method} {request.Path} is not supported by this service provider.");
        }

        if (IsAny(first, "ServiceProviderConfig", "ResourceTypes", "Schemas"))
        {
            return RespondToDiscovery(request, first, segments.Length > 1 ? string.Join('/', segments[1..]) : null);
        }

        var schema = IsAny(first, "Users") ? ScimResourceSchema.User : IsAny(first, "Groups") ? ScimResourceSchema.Group : null;
        if (schema is null || segments.Length > 2)
        {
            throw new ScimException(404, null, $"No SCIM endpoint at {request.Path}.");
        }

        Authenticate(request);
        var id = segments.Length == 2 ? segments[1] : null;
        var response = (request.Method.ToUpperInvariant(), id) switch
        {
            ("GET", null) => List(request, schema),
            ("POST", null) => Create(request, schema),
            ("GET", { } resourceId) => Get(request, schema, resourceId),
            ("PUT", { } resourceId) => Replace(request, schema, resourceId),
            ("PATCH", { } resourceId) => Patch(request, schema, resourceId),
            ("DELETE", { } resourceId) => Delete(request, schema, resourceId),
            _ => throw new ScimException(405, null, $"{request.Method} is not allowed on {request.Path}."),
        };
        return response;
    }

    private static bool IsAny(string segment, params string[] names)
        => names.Any(name => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase));

    private static JsonObject ParseBody(ScimHttpRequest request)
    {
        var contentType = request.Header("Content-Type");
        if (contentType is not null
            && !contentType.StartsWith("application/scim+json", StringComparison.OrdinalIgnoreCase)
            && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ScimException(415, null, $"Content-Type '{contentType}' is not supported. Send application/scim+json.");
        }

        try
        {
            return JsonNode.Parse(request.Body) as JsonObject ?? throw ScimException.InvalidSyntax("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw ScimException.InvalidSyntax("The request body is not valid JSON.");
        }
    }

    private void Record(SimulatorChange change)
    {
        lock (_changesLock)
        {
            _changes.Add(change);
        }

        _changed?.Invoke(change);
    }

    private static void ThrowIfNotPathSegment(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (!string.Equals(Uri.EscapeDataString(value), value, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{value}' cannot be a SCIM path segment: use only letters, digits, '-', '.', '_' and '~', as IDaaS ids do.", parameterName);
        }
    }
}
