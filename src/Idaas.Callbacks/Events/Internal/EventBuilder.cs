using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Idaas.Callbacks.Events.Internal;

/// <summary>Turns the members of one <c>eventData</c> element into the typed event for its URN.</summary>
internal static class EventBuilder
{
    private const string MissingBusinessData = "The bizData member is missing.";

    /// <summary>
    /// Builds the event, or returns <see langword="null"/> and a reason that names the faulty member without
    /// quoting business data.
    /// </summary>
    public static IdaasEvent? TryBuild(
        in EventFields fields,
        ReadOnlySpan<byte> businessData,
        int batchIndex,
        SyncEventContext context,
        out string? error)
    {
        error = fields.Error ?? FindMissingMember(fields);
        if (error is not null || fields.EventId is not { } eventId || fields.EventType is not { } eventType)
        {
            return null;
        }

        var header = new EventHeader(
            eventId,
            eventType,
            DateTimeOffset.FromUnixTimeMilliseconds(fields.EventTime),
            fields.BusinessId,
            context,
            batchIndex);
        var hasBusinessData = fields.BusinessDataLength != EventFields.MissingBusinessData;

        if (UserEventFactory.TryGetFactory(eventType, out var createUserEvent))
        {
            var user = hasBusinessData ? Deserialize(businessData, BusinessDataJsonContext.Default.UserData) : null;
            if (user is not null && BusinessDataMapper.ToUser(user) is { } mapped)
            {
                return createUserEvent(header, mapped);
            }

            error = hasBusinessData ? "The bizData member does not hold a valid account record." : MissingBusinessData;
            return null;
        }

        if (OrganizationalUnitEventFactory.TryGetFactory(eventType, out var createUnitEvent))
        {
            var unit = hasBusinessData ? Deserialize(businessData, BusinessDataJsonContext.Default.OrganizationalUnitData) : null;
            if (unit is not null)
            {
                return createUnitEvent(header, BusinessDataMapper.ToOrganizationalUnit(unit));
            }

            error = hasBusinessData ? "The bizData member does not hold a valid organizational-unit record." : MissingBusinessData;
            return null;
        }

        if (GroupEventFactory.TryGetFactory(eventType, out var createGroupEvent))
        {
            var group = hasBusinessData ? Deserialize(businessData, BusinessDataJsonContext.Default.GroupData) : null;
            if (group is not null)
            {
                return createGroupEvent(header, BusinessDataMapper.ToGroup(group));
            }

            error = hasBusinessData ? "The bizData member does not hold a valid group record." : MissingBusinessData;
            return null;
        }

        // The test event's bizData has no documented shape, and an unknown type's cannot be known, so both keep
        // the text as sent.
        var rawBusinessData = hasBusinessData ? Encoding.UTF8.GetString(businessData) : null;
        return eventType == IdaasEventTypes.Test
            ? CreateTestEvent(header, rawBusinessData)
            : CreateUnrecognizedEvent(header, rawBusinessData);
    }

    private static string? FindMissingMember(in EventFields fields)
    {
        if (fields.EventId is null)
        {
            return "The eventId member is missing.";
        }

        if (fields.EventType is null)
        {
            return "The eventType member is missing.";
        }

        return fields.EventTime == EventFields.MissingTime ? "The eventTime member is missing." : null;
    }

    private static T? Deserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Thrown by the reader for escaped unpaired surrogates, should the serializer not wrap it.
            return null;
        }
    }

    private static TestEvent CreateTestEvent(in EventHeader h, string? businessData) => new()
    {
        EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
        InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
        BatchIndex = h.BatchIndex, BusinessData = businessData,
    };

    private static UnrecognizedEvent CreateUnrecognizedEvent(in EventHeader h, string? businessData) => new()
    {
        EventId = h.EventId, EventType = h.EventType, EventTime = h.EventTime, BusinessId = h.BusinessId,
        InstanceId = h.Context.InstanceId, ApplicationId = h.Context.ApplicationId, TokenId = h.Context.TokenId,
        BatchIndex = h.BatchIndex, BusinessData = businessData,
    };
}
