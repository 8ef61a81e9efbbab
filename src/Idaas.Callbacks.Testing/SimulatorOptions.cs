using Idaas.Callbacks.Events;
using Idaas.Callbacks.Testing.Internal;

namespace Idaas.Callbacks.Testing;

/// <summary>
/// Settings of a simulated IDaaS application: its ids, the event types it subscribes to, and how it writes
/// callback data.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>
    /// The event types subscribed by default: the 9 account and 4 organizational-unit types of the IDaaS console's
    /// event list, and the 5 group types.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultSubscribedEventTypes =
    [
        IdaasEventTypes.UserCreated,
        IdaasEventTypes.UserDeleted,
        IdaasEventTypes.UserInfoUpdated,
        IdaasEventTypes.UserPasswordUpdated,
        IdaasEventTypes.UserDisabled,
        IdaasEventTypes.UserEnabled,
        IdaasEventTypes.UserLocked,
        IdaasEventTypes.UserUnlocked,
        IdaasEventTypes.UserPrimaryOrganizationalUnitUpdated,
        IdaasEventTypes.OrganizationalUnitCreated,
        IdaasEventTypes.OrganizationalUnitDeleted,
        IdaasEventTypes.OrganizationalUnitUpdated,
        IdaasEventTypes.OrganizationalUnitMoved,
        IdaasEventTypes.GroupCreated,
        IdaasEventTypes.GroupUpdated,
        IdaasEventTypes.GroupDeleted,
        IdaasEventTypes.GroupUserAdded,
        IdaasEventTypes.GroupUserRemoved,
    ];

    /// <summary>Gets or sets the IDaaS instance id, sent as <c>instanceId</c> and as the token's <c>sub</c>.
    /// Default <c>idaas_</c> and 26 random lowercase base32 characters.</summary>
    public string InstanceId { get; set; } = SimulatorIds.CreateInstanceId();

    /// <summary>Gets or sets the application id, sent as the token's <c>aud</c>.
    /// Default <c>app_</c> and 26 random lowercase base32 characters.</summary>
    public string ApplicationId { get; set; } = SimulatorIds.CreateApplicationId();

    /// <summary>
    /// Gets the event type URNs that directory changes emit, the console's <c>ListenEventScopes</c>. Default
    /// <see cref="DefaultSubscribedEventTypes"/>. The test event and the full-push types are sent whether or not
    /// they are listed, because IDaaS sends them on a console button rather than by subscription.
    /// </summary>
    public ISet<string> SubscribedEventTypes { get; } = new HashSet<string>(DefaultSubscribedEventTypes, StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the business-data encryption key as 64 hexadecimal characters, or <see langword="null"/> to
    /// send business data unencrypted in <c>plainData</c>. Default <see langword="null"/>.
    /// </summary>
    public string? EncryptionKeyHex { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether account records carry the plaintext <c>password</c>, the console's
    /// password sync setting. Even when on, only create and password-change events carry it. Default
    /// <see langword="false"/>.
    /// </summary>
    public bool SyncPasswords { get; set; }

    /// <summary>Gets or sets the field names and value types of <c>bizData</c>. Default <see cref="SimulatorWireFormat.Current"/>.</summary>
    public SimulatorWireFormat WireFormat { get; set; } = SimulatorWireFormat.Current;

    /// <summary>Returns whether an event of <paramref name="eventType"/> is sent under these settings.</summary>
    /// <param name="eventType">An event type URN.</param>
    /// <returns><see langword="true"/> for the test event, the full-push types and subscribed types.</returns>
    public bool IsSent(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return eventType is IdaasEventTypes.Test or IdaasEventTypes.UserPushed or IdaasEventTypes.OrganizationalUnitPushed or IdaasEventTypes.GroupPushed
            || SubscribedEventTypes.Contains(eventType);
    }
}
