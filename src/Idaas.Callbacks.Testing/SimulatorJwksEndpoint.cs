using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// A simulated IDaaS Public Key Endpoint that serves the published keys of a <see cref="SimulatorSigningKeys"/>
/// at <c>/v2/{instanceId}/{applicationId}/provisioning/jwks</c>, in memory through <see cref="CreateHandler"/>
/// or over HTTP on 127.0.0.1 through <see cref="StartAsync"/>.
/// </summary>
/// <remarks>
/// Only <c>GET</c> on the exact JWKS path returns the document; other paths return 404 and other methods 405.
/// Each response reads the key set at that moment, so a rotation shows in the next response. The endpoint does
/// not own the key set and does not dispose it. Instances are thread-safe.
/// </remarks>
public sealed partial class SimulatorJwksEndpoint : IAsyncDisposable
{
    private const string EmptyKeySetJson = """{"keys":[]}""";
    private const string GarbageJson = """{"keys":"oops"}""";
    private const string ServerErrorHtml = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>";
    private const string LoginPageHtml = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method=\"post\" action=\"/login\"><input name=\"username\"><input name=\"password\" type=\"password\"><button>Sign in</button></form></body></html>";

    private readonly SimulatorSigningKeys _keys;

    // Canceled and replaced by StopAsync, and canceled by DisposeAsync, so that requests held by JwksFault.Hang
    // end. Old sources are not disposed because a request may still be linking to one.
    private CancellationTokenSource _stopping = new();
    private int _fault;
    private int _requestCount;

    /// <summary>Creates an endpoint for one simulated IDaaS application.</summary>
    /// <param name="keys">The key set whose published keys are served.</param>
    /// <param name="instanceId">The IDaaS instance id in the path, such as <c>idaas_simtenant01</c>.</param>
    /// <param name="applicationId">The application id in the path, such as <c>app_simapp01</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="instanceId"/> or <paramref name="applicationId"/> is empty, white space, or contains
    /// characters other than letters, digits, <c>-</c>, <c>.</c>, <c>_</c> and <c>~</c>.
    /// </exception>
    public SimulatorJwksEndpoint(SimulatorSigningKeys keys, string instanceId, string applicationId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ThrowIfNotPathSegment(instanceId);
        ThrowIfNotPathSegment(applicationId);

        _keys = keys;
        InstanceId = instanceId;
        ApplicationId = applicationId;
        Path = $"/v2/{instanceId}/{applicationId}/provisioning/jwks";
        _host = new LoopbackServerHost(this, ServeAsync, maxRequestBodyBytes: null, EndHeldRequestsAsync);
    }

    /// <summary>Gets the IDaaS instance id in the path.</summary>
    public string InstanceId { get; }

    /// <summary>Gets the application id in the path.</summary>
    public string ApplicationId { get; }

    /// <summary>Gets the JWKS path, <c>/v2/{instanceId}/{applicationId}/provisioning/jwks</c>.</summary>
    public string Path { get; }

    /// <summary>Gets or sets the fault served in place of the JWKS. Default <see cref="JwksFault.None"/>.</summary>
    /// <value>Takes effect for the requests that arrive after it is set.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="JwksFault"/>.</exception>
    public JwksFault Fault
    {
        get => (JwksFault)Volatile.Read(ref _fault);
        set
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The value is not a defined JwksFault member. Use one of the named members, such as JwksFault.None.");
            }

            Volatile.Write(ref _fault, (int)value);
        }
    }

    /// <summary>
    /// Gets the number of requests for the JWKS path so far, with any method and fault, counted when each request
    /// arrives. Requests for other paths are not counted.
    /// </summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>
    /// Creates a handler that serves requests in memory, for an <see cref="HttpClient"/> or an
    /// <c>IHttpClientFactory</c> primary handler. Only the path of the request URL is matched, so any host works.
    /// </summary>
    /// <returns>A new handler; the caller disposes it, usually through the <see cref="HttpClient"/>.</returns>
    public HttpMessageHandler CreateHandler() => new SimulatorJwksHandler(this);

    internal async Task<SimulatedJwksResponse> RespondAsync(string method, string path, CancellationToken cancellationToken)
    {
        if (!string.Equals(path, Path, StringComparison.Ordinal))
        {
            return new SimulatedJwksResponse(404, null, string.Empty);
        }

        Interlocked.Increment(ref _requestCount);
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return new SimulatedJwksResponse(405, null, string.Empty);
        }

        switch (Fault)
        {
            case JwksFault.ServerError:
                return new SimulatedJwksResponse(500, SimulatedJwksResponse.HtmlContentType, ServerErrorHtml);
            case JwksFault.HtmlPage:
                return new SimulatedJwksResponse(200, SimulatedJwksResponse.HtmlContentType, LoginPageHtml);
            case JwksFault.EmptyKeySet:
                return new SimulatedJwksResponse(200, SimulatedJwksResponse.JsonContentType, EmptyKeySetJson);
            case JwksFault.Garbage:
                return new SimulatedJwksResponse(200, SimulatedJwksResponse.JsonContentType, GarbageJson);
            case JwksFault.Hang:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Volatile.Read(ref _stopping).Token))
                {
                    // Throws OperationCanceledException when the client cancels or the endpoint stops.
                    await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
                }

                throw new InvalidOperationException("An infinite delay completed without cancellation.");
            default:
                return new SimulatedJwksResponse(200, SimulatedJwksResponse.JsonContentType, _keys.ToJwksJson());
        }
    }

    private static void ThrowIfNotPathSegment(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (!string.Equals(Uri.EscapeDataString(value), value, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{value}' cannot be a JWKS path segment: use only letters, digits, '-', '.', '_' and '~', as IDaaS ids do.",
                parameterName);
        }
    }
}
