using System.Buffers;
using System.Security.Cryptography;
using Idaas.Callbacks.Encryption;
using Idaas.Callbacks.Events;
using Idaas.Callbacks.Internal;
using Idaas.Callbacks.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Idaas.Callbacks;

/// <summary>
/// Turns the body of one IDaaS callback POST into verified, typed events, or into a typed rejection with the
/// HTTP status to return.
/// </summary>
/// <remarks>
/// Steps: size limits, the <c>{"event":"..."}</c> envelope, token verification, the encryption policy,
/// decryption, and decoding. Bad input never throws. Instances are thread-safe; register one per application.
/// </remarks>
public sealed partial class CallbackReceiver
{
    private const int InitialReadBufferBytes = 16 * 1024;

    private readonly IdaasCallbackOptions _options;
    private readonly CallbackTokenVerifier _verifier;
    private readonly BusinessDataDecryptor? _decryptor;
    private readonly ILogger _logger;

    internal CallbackReceiver(IOptions<IdaasCallbackOptions> options, CallbackTokenVerifier verifier, ILogger<CallbackReceiver> logger)
    {
        _options = options.Value;
        _verifier = verifier;
        _logger = logger;
        if (BusinessDataDecryptor.TryParseHexKey(_options.EncryptionKey, out var key))
        {
            _decryptor = new BusinessDataDecryptor(key);
        }
    }

    /// <summary>Verifies and decodes one callback request body.</summary>
    /// <param name="body">The raw request body, UTF-8 JSON.</param>
    /// <param name="cancellationToken">Ends a wait for a signing-key refresh.</param>
    /// <returns>The decoded events, or the rejection with its HTTP status.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async ValueTask<CallbackReceiveResult> ReceiveAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        using var activity = StartReceiveActivity();
        try
        {
            var result = await ReceiveBodyAsync(body, cancellationToken).ConfigureAwait(false);
            return CompleteReceiveActivity(activity, result);
        }
        catch (Exception exception) when (RecordReceiveException(activity, exception))
        {
            throw;
        }
    }

    private async ValueTask<CallbackReceiveResult> ReceiveBodyAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (body.Length > _options.MaxBodyBytes)
        {
            return Reject(CallbackRejectionReason.BodyTooLarge, $"The request body is larger than the limit of {_options.MaxBodyBytes} bytes.");
        }

        switch (CallbackEnvelope.TryReadToken(body, _options.MaxTokenBytes, out var token))
        {
            case EnvelopeStatus.Malformed:
                return Reject(CallbackRejectionReason.MalformedBody, "The request body must be a JSON object with a string member named \"event\".");
            case EnvelopeStatus.TokenTooLarge:
                return Reject(CallbackRejectionReason.TokenTooLarge, $"The token is longer than the limit of {_options.MaxTokenBytes} characters.");
        }

        var verification = await _verifier.VerifyAsync(token, cancellationToken).ConfigureAwait(false);
        if (!verification.IsValid)
        {
            return CallbackReceiveResult.Rejected(verification.RejectionReason.Value, verification.Message);
        }

        return Decode(verification.Token);
    }

    /// <summary>
    /// Reads a callback request body from <paramref name="body"/> and verifies and decodes it. Reading stops as
    /// soon as the body exceeds <see cref="IdaasCallbackOptions.MaxBodyBytes"/>, so an oversized body is
    /// rejected as <see cref="CallbackRejectionReason.BodyTooLarge"/> without being buffered.
    /// </summary>
    /// <param name="body">The request body stream, read to its end or to the size limit; it is not disposed.</param>
    /// <param name="cancellationToken">Ends the read and any wait for a signing-key refresh.</param>
    /// <returns>The decoded events, or the rejection with its HTTP status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public async ValueTask<CallbackReceiveResult> ReceiveAsync(Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);

        using var activity = StartReceiveActivity();
        try
        {
            var result = await ReadAndReceiveAsync(body, cancellationToken).ConfigureAwait(false);
            return CompleteReceiveActivity(activity, result);
        }
        catch (Exception exception) when (RecordReceiveException(activity, exception))
        {
            throw;
        }
    }

    private async ValueTask<CallbackReceiveResult> ReadAndReceiveAsync(Stream body, CancellationToken cancellationToken)
    {
        var limit = _options.MaxBodyBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, InitialReadBufferBytes));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, Math.Min((long)buffer.Length * 2, limit + 1L));
                }

                // Never ask for more than one byte past the limit, so an oversized body costs limit + 1 bytes.
                var window = Math.Min(buffer.Length, limit + 1) - length;
                var read = await body.ReadAsync(buffer.AsMemory(length, window), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    return Reject(CallbackRejectionReason.BodyTooLarge, $"The request body is larger than the limit of {limit} bytes.");
                }
            }

            return await ReceiveBodyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static byte[] Grow(byte[] buffer, long size)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)size);
        buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        return larger;
    }

    private CallbackReceiveResult Decode(VerifiedCallbackToken token)
    {
        ReadOnlySpan<byte> businessData;
        Events.Internal.CheckedEventData? checkedEventData = null;
        byte[]? plaintext = null;
        if (token.DataEncrypted)
        {
            if (_decryptor is null)
            {
                return Reject(CallbackRejectionReason.DecryptionFailed, "The business data is encrypted, but no encryption key is configured.");
            }

            if (_decryptor.TryDecrypt(token.CipherData ?? string.Empty, out plaintext, out var failure) != DecryptionStatus.Succeeded)
            {
                // The finer reason goes only to the Debug log, so the sender cannot learn whether the tag failed.
                Log.DecryptionFailed(_logger, token.TokenId, failure);
                return Reject(CallbackRejectionReason.DecryptionFailed, "The business data could not be decrypted with the configured key.");
            }

            businessData = plaintext;
        }
        else
        {
            if (_decryptor is not null && !_options.AllowUnencryptedCallbacks)
            {
                return Reject(CallbackRejectionReason.EncryptionRequired, "The business data is not encrypted, but encryption is required.");
            }

            if (_decryptor is not null)
            {
                Log.UnencryptedCallbackAccepted(_logger, token.TokenId);
            }

            businessData = token.PlainData.Span;
            checkedEventData = token.PlainDataEventData;
        }

        var context = new SyncEventContext(token.Subject ?? _options.InstanceId ?? string.Empty, token.Audience, token.TokenId);
        var decoded = SyncEventDecoder.Decode(businessData, context, checkedEventData);
        if (plaintext is not null)
        {
            // The decrypted bytes may hold passwords; the events keep their own copies of the values.
            CryptographicOperations.ZeroMemory(plaintext);
        }

        if (decoded.Status != SyncEventDecodingStatus.Succeeded)
        {
            return Reject(CallbackRejectionReason.MalformedBusinessData, DescribeDecodingFailure(decoded.Status));
        }

        if (!IsExpectedInstance(decoded.InstanceId, token.Subject))
        {
            return Reject(CallbackRejectionReason.InvalidSubject, "The business data's instanceId differs from the token subject or the configured instance id.");
        }

        return CallbackReceiveResult.Accepted(token, decoded.Events, decoded.Failures);
    }

    private static string DescribeDecodingFailure(SyncEventDecodingStatus status) => status switch
    {
        SyncEventDecodingStatus.InvalidJson => "The business data is not a JSON object.",
        SyncEventDecodingStatus.MissingEventData => "The business data has no eventData member.",
        SyncEventDecodingStatus.InvalidEventData => "The business data's eventData is not a JSON string holding an array of events.",
        _ => "The business data has a member of the wrong JSON type.",
    };

    private bool IsExpectedInstance(string? payloadInstanceId, string? subject)
    {
        if (payloadInstanceId is null)
        {
            return string.IsNullOrEmpty(_options.InstanceId);
        }

        return (subject is null || string.Equals(payloadInstanceId, subject, StringComparison.Ordinal))
            && (string.IsNullOrEmpty(_options.InstanceId) || string.Equals(payloadInstanceId, _options.InstanceId, StringComparison.Ordinal));
    }

    private CallbackReceiveResult Reject(CallbackRejectionReason reason, string message)
    {
        Log.CallbackRejected(_logger, reason, message);
        return CallbackReceiveResult.Rejected(reason, message);
    }
}
