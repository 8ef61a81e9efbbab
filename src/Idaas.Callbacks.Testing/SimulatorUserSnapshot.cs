namespace Idaas.Callbacks.Testing;

/// <summary>An account in a <see cref="SimulatorDirectorySnapshot"/>, without its password.</summary>
public sealed record SimulatorUserSnapshot
{
    /// <summary>Gets the account id (<c>user_…</c>).</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the login name.</summary>
    public required string Username { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets the e-mail address, or <see langword="null"/> for none.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the description, or <see langword="null"/> for none.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the account status, <c>enabled</c> or <c>disabled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Gets a value indicating whether the account has a password, sent as <c>passwordSet</c>.</summary>
    public required bool PasswordSet { get; init; }

    /// <summary>Gets the id of the account's primary organizational unit.</summary>
    public required string PrimaryOrganizationalUnitId { get; init; }

    /// <summary>Gets the time the lock ends, or <see langword="null"/> when the account is not locked.</summary>
    public DateTimeOffset? LockExpireTime { get; init; }
}
