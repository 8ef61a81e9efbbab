namespace Idaas.Callbacks.Samples.Receiver.Directory;

/// <summary>An account in the local directory. Passwords are never stored, only whether one is set.</summary>
public sealed record DirectoryUser
{
    /// <summary>Gets the IDaaS account id (<c>user_…</c>), the key of the row.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the login name.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the phone number without the region code.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the account status, <c>enabled</c> or <c>disabled</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Gets a value indicating whether the account has a password in IDaaS.</summary>
    public bool? PasswordSet { get; init; }

    /// <summary>Gets the id of the primary organizational unit.</summary>
    public string? PrimaryOrganizationalUnitId { get; init; }

    /// <summary>Gets the time a lock ends, or <see langword="null"/> when the account is not locked.</summary>
    public DateTimeOffset? LockExpireTime { get; init; }

    /// <summary>Gets the record's <c>updateTime</c> in IDaaS.</summary>
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>Gets the time of the last applied event; only newer events change the row. Set by the store.</summary>
    public DateTimeOffset? LastEventTime { get; init; }

    /// <summary>Gets a value indicating whether the account was deleted and the row is a tombstone. Set by the store.</summary>
    public bool Deleted { get; init; }
}
