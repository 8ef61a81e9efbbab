namespace Idaas.Callbacks.Testing.Scim;

/// <summary>
/// Switches that make a <see cref="SimulatorScimServiceProvider"/> misbehave the way real SCIM services do, for
/// testing a client's error handling.
/// </summary>
/// <remarks>
/// Counters count down by one for each request they affect. Settings take effect on the next request. All
/// members are thread-safe.
/// </remarks>
public sealed class ScimFaults
{
    private int _dropCreateResponses;
    private int _throttleRequests;
    private int _serverErrorRequests;
    private volatile string? _throttleRetryAfter = "1";

    /// <summary>
    /// Gets or sets the number of the next creates (<c>POST /Users</c> or <c>POST /Groups</c>) that commit and then
    /// lose their response: the in-memory handler throws <see cref="HttpRequestException"/> and Kestrel aborts the
    /// connection. A retry of the same create then gets 409 <c>uniqueness</c>. Default 0.
    /// </summary>
    public int DropCreateResponses
    {
        get => Volatile.Read(ref _dropCreateResponses);
        set => Volatile.Write(ref _dropCreateResponses, Math.Max(0, value));
    }

    /// <summary>
    /// Gets or sets the number of the next SCIM requests that get HTTP 429 regardless of the request rate.
    /// Default 0.
    /// </summary>
    public int ThrottleRequests
    {
        get => Volatile.Read(ref _throttleRequests);
        set => Volatile.Write(ref _throttleRequests, Math.Max(0, value));
    }

    /// <summary>
    /// Gets or sets the <c>Retry-After</c> value of the responses that <see cref="ThrottleRequests"/> forces, written
    /// as is: seconds such as <c>2</c>, an HTTP date, or <see langword="null"/> for no header. Default <c>1</c>.
    /// </summary>
    public string? ThrottleRetryAfter
    {
        get => _throttleRetryAfter;
        set => _throttleRetryAfter = value;
    }

    /// <summary>
    /// Gets or sets the number of the next SCIM requests that get HTTP 500 with the detail
    /// <c>REQUEST_LIMIT_EXCEEDED</c>, a throttle that a service reports as a server error. Default 0.
    /// </summary>
    public int ServerErrorRequests
    {
        get => Volatile.Read(ref _serverErrorRequests);
        set => Volatile.Write(ref _serverErrorRequests, Math.Max(0, value));
    }

    /// <summary>Gets or sets a value indicating whether error responses are HTML pages instead of SCIM error JSON. Default off.</summary>
    public bool NonJsonErrorBodies { get; set; }

    /// <summary>Gets or sets a value indicating whether SCIM errors carry <c>status</c> as a JSON number instead of a string. Default off.</summary>
    public bool NumericErrorStatus { get; set; }

    /// <summary>Gets or sets a value indicating whether SCIM errors capitalise <c>scimType</c>, such as <c>InvalidFilter</c>. Default off.</summary>
    public bool CapitalizedScimType { get; set; }

    /// <summary>Gets or sets a value indicating whether users carry the enterprise <c>manager</c> as a bare id string. Default off.</summary>
    public bool ManagerAsString { get; set; }

    /// <summary>Gets or sets a value indicating whether an empty list response leaves out <c>Resources</c> instead of sending <c>[]</c>. Default off.</summary>
    public bool OmitEmptyResources { get; set; }

    internal static bool TryConsume(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    internal bool TryConsumeDropCreate() => TryConsume(ref _dropCreateResponses);

    internal bool TryConsumeThrottle() => TryConsume(ref _throttleRequests);

    internal bool TryConsumeServerError() => TryConsume(ref _serverErrorRequests);
}
