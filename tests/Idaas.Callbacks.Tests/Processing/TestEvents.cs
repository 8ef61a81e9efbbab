using Idaas.Callbacks.Events;

namespace Idaas.Callbacks.Tests.Processing;

/// <summary>Builds events for the processing tests; times are minutes after a fixed start.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public static UserCreatedEvent Created(string eventId, string? userId, int minute = 0)
        => new()
        {
            EventId = eventId,
            EventType = IdaasEventTypes.UserCreated,
            EventTime = Start.AddMinutes(minute),
            BusinessId = userId,
            InstanceId = "idaas_simtenant01",
            ApplicationId = "app_simapp01",
            TokenId = "jti_" + eventId,
            BatchIndex = 0,
            User = new IdaasUser { UserId = userId, Password = "S3cret-Pa55" },
        };

    public static UserDeletedEvent Deleted(string eventId, string userId, int minute)
        => new()
        {
            EventId = eventId,
            EventType = IdaasEventTypes.UserDeleted,
            EventTime = Start.AddMinutes(minute),
            BusinessId = userId,
            InstanceId = "idaas_simtenant01",
            ApplicationId = "app_simapp01",
            TokenId = "jti_" + eventId,
            BatchIndex = 0,
            User = new IdaasUser { UserId = userId },
        };

    public static UserInfoUpdatedEvent Updated(string eventId, string userId, int minute)
        => new()
        {
            EventId = eventId,
            EventType = IdaasEventTypes.UserInfoUpdated,
            EventTime = Start.AddMinutes(minute),
            BusinessId = userId,
            InstanceId = "idaas_simtenant01",
            ApplicationId = "app_simapp01",
            TokenId = "jti_" + eventId,
            BatchIndex = 0,
            User = new IdaasUser { UserId = userId, DisplayName = "Rowan V." },
        };
}
