using Idaas.Callbacks.Testing.Scim;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// A simulated IDaaS application in one object: its settings, directory, signing keys, JWKS endpoint, callback
/// factory, and the deliveries that post its callbacks to a receiver.
/// </summary>
/// <remarks>
/// Every part uses the same <see cref="TimeProvider"/>, so a fake clock drives event times, token times, timeouts
/// and retry delays together. The JWKS endpoint serves the keys at
/// <c>/v2/{instanceId}/{applicationId}/provisioning/jwks</c> with the ids of <see cref="Options"/> at construction,
/// so set the ids before creating the simulator. The SCIM service provider, <see cref="Scim"/>, writes to the same
/// directory; while <see cref="DeliverScimChanges"/> is on and a delivery is connected, the events of each SCIM write
/// are delivered in the background as one callback, and <see cref="WaitUntilSettledAsync"/> waits for them.
/// Instances are thread-safe.
/// </remarks>
public sealed class IdaasSimulator : IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly List<CallbackDelivery> _deliveries = [];
    private CallbackDelivery? _delivery;
    private bool _disposed;

    /// <summary>Creates a simulator with one generated signing key and an empty directory.</summary>
    /// <param name="options">The application settings, or <see langword="null"/> for new random ids and the defaults.</param>
    /// <param name="timeProvider">The clock of every part, or <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    public IdaasSimulator(SimulatorOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new SimulatorOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
        Keys = new SimulatorSigningKeys();
        Directory = new SimulatorDirectory(Options, _timeProvider);
        CallbackFactory = new SimulatorCallbackFactory(Options, Keys, _timeProvider);
        Jwks = new SimulatorJwksEndpoint(Keys, Options.InstanceId, Options.ApplicationId);
        Scim = new SimulatorScimServiceProvider(Directory, Options.InstanceId, Options.ApplicationId, timeProvider: _timeProvider, changed: OnScimChange);
    }

    /// <summary>Gets the application settings, read by the directory and the callback factory at each call.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Gets the directory whose changes emit events.</summary>
    public SimulatorDirectory Directory { get; }

    /// <summary>Gets the signing keys, owned and disposed by this simulator.</summary>
    public SimulatorSigningKeys Keys { get; }

    /// <summary>Gets the factory that signs callback bodies with <see cref="SimulatorSigningKeys.Current"/>.</summary>
    public SimulatorCallbackFactory CallbackFactory { get; }

    /// <summary>Gets the JWKS endpoint that publishes <see cref="Keys"/>, owned and disposed by this simulator.</summary>
    public SimulatorJwksEndpoint Jwks { get; }

    /// <summary>
    /// Gets the SCIM 2.0 service provider over <see cref="Directory"/>, with paths under
    /// <c>/v2/{instanceId}/{applicationId}/</c>; owned and disposed by this simulator.
    /// </summary>
    public SimulatorScimServiceProvider Scim { get; }

    /// <summary>
    /// Gets or sets a value indicating whether the events of each SCIM write are delivered through
    /// <see cref="Delivery"/> as they happen. Default on. Nothing is delivered while no delivery is connected; the
    /// events stay in <see cref="SimulatorScimServiceProvider.Changes"/> either way.
    /// </summary>
    /// <value>
    /// Each write becomes one callback, started in the background before the SCIM response returns, so callbacks of
    /// quick successive writes may overlap and arrive out of order, which receivers order by event time.
    /// </value>
    public bool DeliverScimChanges { get; set; } = true;

    /// <summary>Gets the delivery created by the last <see cref="ConnectTo"/>, or <see langword="null"/> before the first.</summary>
    public CallbackDelivery? Delivery => Volatile.Read(ref _delivery);

    /// <summary>Starts serving the JWKS with Kestrel on 127.0.0.1, for a receiver that fetches its keys over HTTP.</summary>
    /// <param name="cancellationToken">Ends the start-up.</param>
    /// <returns>The JWKS URL to configure as the receiver's Public Key Endpoint.</returns>
    /// <exception cref="InvalidOperationException">The endpoint is already started.</exception>
    /// <exception cref="ObjectDisposedException">The simulator is disposed.</exception>
    public Task<Uri> StartJwksServerAsync(CancellationToken cancellationToken = default) => Jwks.StartAsync(cancellationToken);

    /// <summary>Creates a delivery to a receiver and makes it the <see cref="Delivery"/> of this simulator.</summary>
    /// <param name="target">The receiver's callback URL.</param>
    /// <param name="handler">A handler that receives the requests in memory, or <see langword="null"/> to post over
    /// HTTP. The caller keeps ownership of the handler.</param>
    /// <param name="options">The timeout and retry settings, or <see langword="null"/> for the defaults.</param>
    /// <returns>The new delivery; the simulator disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not an absolute http or https URL.</exception>
    /// <exception cref="ObjectDisposedException">The simulator is disposed.</exception>
    public CallbackDelivery ConnectTo(Uri target, HttpMessageHandler? handler = null, CallbackDeliveryOptions? options = null)
    {
        var delivery = new CallbackDelivery(target, CallbackFactory, options, handler, _timeProvider);
        lock (_lock)
        {
            if (_disposed)
            {
                delivery.Dispose();
                ObjectDisposedException.ThrowIf(_disposed, this);
            }

            _deliveries.Add(delivery);
            Volatile.Write(ref _delivery, delivery);
        }

        return delivery;
    }

    /// <summary>Delivers the events of one directory change as one callback through <see cref="Delivery"/>.</summary>
    /// <param name="change">The change. A change without events, such as one of an unsubscribed type, sends nothing.</param>
    /// <param name="cancellationToken">Ends the delivery.</param>
    /// <returns>The delivery record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ConnectTo"/> was not called.</exception>
    public Task<CallbackDeliveryResult> DeliverAsync(SimulatorChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return GetDelivery().DeliverAsync(change.Events, cancellationToken);
    }

    /// <summary>Delivers one event as one callback through <see cref="Delivery"/>.</summary>
    /// <param name="simulatorEvent">The event, such as the one from <see cref="SimulatorDirectory.SendTestEvent"/>.</param>
    /// <param name="cancellationToken">Ends the delivery.</param>
    /// <returns>The delivery record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="simulatorEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ConnectTo"/> was not called.</exception>
    public Task<CallbackDeliveryResult> DeliverAsync(SimulatorEvent simulatorEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulatorEvent);
        return GetDelivery().DeliverAsync([simulatorEvent], cancellationToken);
    }

    /// <summary>Waits until no delivery created by <see cref="ConnectTo"/> is in flight.</summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes when every delivery has settled.</returns>
    public Task WaitUntilSettledAsync(CancellationToken cancellationToken = default)
    {
        CallbackDelivery[] deliveries;
        lock (_lock)
        {
            deliveries = [.. _deliveries];
        }

        return Task.WhenAll(deliveries.Select(delivery => delivery.WaitUntilSettledAsync(cancellationToken)));
    }

    /// <summary>Cancels the deliveries in flight and stops and releases the JWKS endpoint and the signing keys.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        CallbackDelivery[] deliveries;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            deliveries = [.. _deliveries];
            _deliveries.Clear();
        }

        foreach (var delivery in deliveries)
        {
            delivery.Dispose();
        }

        await Scim.DisposeAsync().ConfigureAwait(false);
        await Jwks.DisposeAsync().ConfigureAwait(false);
        Keys.Dispose();
    }

    /// <summary>Starts serving SCIM and the token endpoint with Kestrel on 127.0.0.1.</summary>
    /// <param name="cancellationToken">Ends the start-up.</param>
    /// <returns>The SCIM base URL, such as <c>http://127.0.0.1:50123/v2/{instanceId}/{applicationId}/scim</c>.</returns>
    /// <exception cref="InvalidOperationException">The server is already started.</exception>
    /// <exception cref="ObjectDisposedException">The simulator is disposed.</exception>
    public Task<Uri> StartScimServerAsync(CancellationToken cancellationToken = default) => Scim.StartServerAsync(cancellationToken);

    private void OnScimChange(SimulatorChange change)
    {
        if (!DeliverScimChanges || change.Events.Count == 0 || Delivery is not { } delivery)
        {
            return;
        }

        _ = DeliverInBackgroundAsync(delivery, change);
    }

    private static async Task DeliverInBackgroundAsync(CallbackDelivery delivery, SimulatorChange change)
    {
        try
        {
            // The delivery records the outcome in its log; a failed delivery is what IDaaS would give up on.
            await delivery.DeliverAsync(change.Events).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The simulator or the delivery was disposed while the callback was in flight.
        }
        catch (ObjectDisposedException)
        {
            // The delivery was disposed before the callback started.
        }
    }

    private CallbackDelivery GetDelivery()
        => Delivery ?? throw new InvalidOperationException("The simulator has no delivery. Call ConnectTo() with the receiver's callback URL first.");
}
