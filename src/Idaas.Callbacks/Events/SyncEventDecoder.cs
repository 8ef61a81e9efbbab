using System.Text.Json;
using Idaas.Callbacks.Events.Internal;

namespace Idaas.Callbacks.Events;

/// <summary>
/// Decodes the business data of a verified callback (the decrypted <c>cipherData</c> or the raw JSON of
/// <c>plainData</c>) into typed events.
/// </summary>
/// <remarks>
/// The business data is <c>{"instanceId", "aliUid", "eventVersion", "eventData"}</c>, where <c>eventData</c> is a
/// string that contains a JSON array of events, and each event's <c>bizData</c> is again a string that contains a JSON
/// object. No exception escapes for any input: problems with the whole payload come back as a
/// <see cref="SyncEventDecodingStatus"/>, and problems with one event as an <see cref="EventDecodingFailure"/>.
/// </remarks>
internal static class SyncEventDecoder
{
    /// <summary>Decodes UTF-8 business data, tagging every event with the claims in <paramref name="context"/>.</summary>
    /// <param name="businessData">The business data.</param>
    /// <param name="context">The claims to tag the events with.</param>
    /// <param name="checkedEventData">
    /// The position of the <c>eventData</c> string when a reader has already checked <paramref name="businessData"/>,
    /// as the token verifier does for <c>plainData</c>; it makes decoding faster and never changes the result.
    /// </param>
    public static SyncEventDecodingResult Decode(ReadOnlySpan<byte> businessData, SyncEventContext context, CheckedEventData? checkedEventData = null)
    {
        // eventData is unescaped into a pooled buffer. It may contain passwords, so it is cleared before reuse.
        byte[]? eventData = null;
        try
        {
            SyncEventEnvelope envelope;
            int eventDataLength;
            var status = SyncEventDecodingStatus.Succeeded;
            if (checkedEventData is not { } location
                || !EnvelopeReader.TryReadChecked(businessData, location, out envelope, ref eventData, out eventDataLength))
            {
                // Without a location, or when the quick read meets anything unusual, the full read decides.
                status = EnvelopeReader.Read(businessData, out envelope, ref eventData, out eventDataLength);
            }

            if (status != SyncEventDecodingStatus.Succeeded)
            {
                return SyncEventDecodingResult.Failure(status);
            }

            var events = new List<IdaasEvent>();
            var failures = new List<EventDecodingFailure>();
            if (!EventArrayReader.TryRead(eventData.AsSpan(0, eventDataLength), context, events, failures))
            {
                return SyncEventDecodingResult.Failure(SyncEventDecodingStatus.InvalidEventData);
            }

            return SyncEventDecodingResult.Success(envelope.InstanceId, envelope.AliUid, envelope.EventVersion, events, failures);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // EnvelopeReader catches its own JSON errors, so this one comes from the eventData array.
            return SyncEventDecodingResult.Failure(SyncEventDecodingStatus.InvalidEventData);
        }
        finally
        {
            JsonStrings.ReturnToPool(eventData);
        }
    }
}
