using System.Globalization;
using System.Text.Json;

namespace Idaas.Callbacks.Benchmarks;

/// <summary>Business data in the IDaaS wire format: a SyncEvent whose eventData and bizData are JSON strings.</summary>
internal static class CallbackPayloads
{
    public const string InstanceId = "idaas_benchinstance000000000000";
    public const string ApplicationId = "app_benchapplication0000000000";

    public static string SyncEvent(int eventCount)
    {
        var events = new List<object>(eventCount);
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var index = 0; index < eventCount; index++)
        {
            var userId = $"user_bench{index:D20}";
            var bizData = JsonSerializer.Serialize(new
            {
                userId,
                username = $"user{index}",
                displayName = $"User {index}",
                userExternalId = userId,
                userSourceType = "build_in",
                userSourceId = InstanceId,
                email = $"user{index}@example.test",
                emailVerified = true,
                phoneRegion = "86",
                status = "enabled",
                accountExpireTime = "-1",
                createTime = start.ToString(CultureInfo.InvariantCulture),
                updateTime = start.ToString(CultureInfo.InvariantCulture),
                primaryOrganizationalUnitId = "ou_root",
                userOrganizationalUnits = new[] { new { organizationalUnitId = "ou_root", organizationalUnitName = "Example Corp", primary = true } },
            });
            events.Add(new
            {
                eventId = $"evnt_bench{index:D33}",
                eventTime = (start + index).ToString(CultureInfo.InvariantCulture),
                bizId = userId,
                bizData,
                eventType = "urn:alibaba:idaas:app:event:ud:user:create",
            });
        }

        return JsonSerializer.Serialize(new
        {
            instanceId = InstanceId,
            eventData = JsonSerializer.Serialize(events),
            eventVersion = "V1.0",
            aliUid = "1000000000000001",
        });
    }
}
