namespace Idaas.Callbacks.Testing;

/// <summary>
/// Packs batches of <see cref="SimulatorEvent"/>s into callback request bodies: the SyncEvent JSON, encrypted when
/// <see cref="SimulatorOptions.EncryptionKeyHex"/> is set, signed with the current simulator key.
/// </summary>
/// <remarks>
/// The token carries <c>iss</c> <see cref="CallbackTokenDescriptor.IdaasIssuer"/>, <c>sub</c> the instance id,
/// <c>aud</c> the application id, <c>iat</c> from the time provider, <c>exp</c> 1800 seconds later and a random
/// <c>jti</c>. The options and the current key are read at each call. Instances are thread-safe.
/// </remarks>
public sealed class SimulatorCallbackFactory
{
    private readonly SimulatorOptions _options;
    private readonly SimulatorSigningKeys _keys;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a factory that signs with <see cref="SimulatorSigningKeys.Current"/> of <paramref name="keys"/>.</summary>
    /// <param name="options">The instance and application ids and the encryption key.</param>
    /// <param name="keys">The signing keys.</param>
    /// <param name="timeProvider">The clock for <c>iat</c>, or <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    public SimulatorCallbackFactory(SimulatorOptions options, SimulatorSigningKeys keys, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);

        _options = options;
        _keys = keys;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Writes the SyncEvent JSON text of a batch: the business data before encryption.</summary>
    /// <param name="events">The events, in order. An empty batch gives an empty <c>eventData</c> array.</param>
    /// <returns>The JSON text.</returns>
    public string CreateBusinessData(IEnumerable<SimulatorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);

        var builder = new SyncEventBuilder(_options.InstanceId);
        foreach (var simulatorEvent in events)
        {
            ArgumentNullException.ThrowIfNull(simulatorEvent, nameof(events));
            builder.AddEvent(simulatorEvent.EventId, simulatorEvent.EventType, simulatorEvent.EventTime, simulatorEvent.BizId, simulatorEvent.BizData);
        }

        return builder.ToJson();
    }

    /// <summary>Creates the signed callback token of a batch.</summary>
    /// <param name="events">The events, in order.</param>
    /// <returns>The compact JWS.</returns>
    /// <exception cref="ArgumentException"><see cref="SimulatorOptions.EncryptionKeyHex"/> is not 64 hexadecimal characters.</exception>
    /// <exception cref="ObjectDisposedException">The signing keys are disposed.</exception>
    public string CreateToken(IEnumerable<SimulatorEvent> events) => CreateToken(events, customizeDescriptor: null, signingKey: null);

    /// <summary>
    /// Creates the signed callback token of a batch with changed claims or another signing key, for tests that send
    /// tokens a receiver must reject, such as expired ones or ones with another audience.
    /// </summary>
    /// <param name="events">The events, in order.</param>
    /// <param name="customizeDescriptor">Returns the claims to sign, given the claims this factory would sign, or
    /// <see langword="null"/> to sign them unchanged.</param>
    /// <param name="signingKey">The key to sign with, even one that is not published, or <see langword="null"/> for
    /// <see cref="SimulatorSigningKeys.Current"/>.</param>
    /// <returns>The compact JWS.</returns>
    /// <exception cref="ArgumentException"><see cref="SimulatorOptions.EncryptionKeyHex"/> is not 64 hexadecimal characters.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="customizeDescriptor"/> returned <see langword="null"/>.</exception>
    /// <exception cref="ObjectDisposedException">The signing keys are disposed.</exception>
    public string CreateToken(
        IEnumerable<SimulatorEvent> events,
        Func<CallbackTokenDescriptor, CallbackTokenDescriptor>? customizeDescriptor,
        IdaasSigningKey? signingKey)
    {
        var businessData = CreateBusinessData(events);
        var encryptionKey = _options.EncryptionKeyHex;
        var descriptor = new CallbackTokenDescriptor
        {
            InstanceId = _options.InstanceId,
            ApplicationId = _options.ApplicationId,
            IssuedAt = _timeProvider.GetUtcNow(),
            CipherData = encryptionKey is null ? null : new BusinessDataEncryptor(encryptionKey).Encrypt(businessData),
            PlainData = encryptionKey is null ? businessData : null,
        };

        if (customizeDescriptor is not null)
        {
            descriptor = customizeDescriptor(descriptor)
                ?? throw new InvalidOperationException("The descriptor customization returned null. Return the descriptor to sign, for example with a 'with' expression.");
        }

        return new CallbackTokenSigner(signingKey ?? _keys.Current).CreateToken(descriptor);
    }

    /// <summary>Creates the callback request body of a batch, <c>{"event":"&lt;JWS&gt;"}</c>, as UTF-8 JSON.</summary>
    /// <param name="events">The events, in order.</param>
    /// <returns>The request body.</returns>
    /// <exception cref="ArgumentException"><see cref="SimulatorOptions.EncryptionKeyHex"/> is not 64 hexadecimal characters.</exception>
    /// <exception cref="ObjectDisposedException">The signing keys are disposed.</exception>
    public byte[] CreateRequestBody(IEnumerable<SimulatorEvent> events) => CallbackTokenSigner.CreateRequestBody(CreateToken(events));
}
