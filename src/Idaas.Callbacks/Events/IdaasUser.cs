using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Idaas.Callbacks.Events;

/// <summary>
/// An IDaaS account record from the business data of an account event. Every member is optional, because IDaaS
/// may send a partial record.
/// </summary>
/// <remarks>
/// Where IDaaS renamed a member in its 2022 SDK update, both names are read, and the current name wins when both
/// are present. <see cref="object.ToString"/> masks <see cref="Password"/>.
/// </remarks>
public sealed record IdaasUser
{
    /// <summary>Gets the account id (<c>user_</c> followed by 26 characters), which never changes.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the login name.</summary>
    public string? Username { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// Gets the id in the source system (<c>userExternalId</c>, formerly <c>externalId</c>). For accounts created
    /// in IDaaS it equals <see cref="UserId"/>.
    /// </summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// Gets the kind of source system (<c>userSourceType</c>, formerly <c>sourceType</c>), such as
    /// <c>build_in</c> for accounts created in IDaaS.
    /// </summary>
    public string? SourceType { get; init; }

    /// <summary>Gets the source system id (<c>userSourceId</c>, formerly <c>sourceId</c>).</summary>
    public string? SourceId { get; init; }

    /// <summary>
    /// Gets the plaintext password. IDaaS sends it only on create and password-change events, and only when
    /// password synchronization is enabled. Never log it.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>Gets a value indicating whether the account has a password.</summary>
    public bool? PasswordSet { get; init; }

    /// <summary>Gets the phone number without the region code.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Gets the phone region code without <c>+</c> or <c>00</c>, such as <c>86</c>.</summary>
    public string? PhoneRegion { get; init; }

    /// <summary>Gets a value indicating whether the phone number is verified.</summary>
    public bool? PhoneVerified { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets a value indicating whether the e-mail address is verified.</summary>
    public bool? EmailVerified { get; init; }

    /// <summary>Gets the account status, <c>enabled</c> or <c>disabled</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the time the account expires, or <see langword="null"/> when it never expires (<c>-1</c> on the wire).</summary>
    public DateTimeOffset? AccountExpireTime { get; init; }

    /// <summary>Gets the time a lock ends, or <see langword="null"/> when there is none (<c>-1</c> on the wire).</summary>
    public DateTimeOffset? LockExpireTime { get; init; }

    /// <summary>Gets the registration time.</summary>
    public DateTimeOffset? RegisterTime { get; init; }

    /// <summary>Gets the creation time.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>Gets the time of the last change (<c>updateTime</c>, formerly <c>lastUpdatedTime</c>).</summary>
    public DateTimeOffset? UpdateTime { get; init; }

    /// <summary>Gets the description.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the id of the account's primary organizational unit.</summary>
    public string? PrimaryOrganizationalUnitId { get; init; }

    /// <summary>
    /// Gets the organizational units the account belongs to (<c>userOrganizationalUnits</c>, formerly
    /// <c>organizationalUnits</c>), or <see langword="null"/> when the record does not list them.
    /// </summary>
    public IReadOnlyList<IdaasUserOrganizationalUnit>? OrganizationalUnits { get; init; }

    /// <summary>Gets the members of the record that this library does not map, by their JSON names.</summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties { get; init; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    // Written by hand instead of generated, so that ToString() and log output never contain the password.
    // Additional properties print by name only, because their values are unknown and may be secret too.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"UserId = {UserId}, Username = {Username}, DisplayName = {DisplayName}, ");
        builder.Append(CultureInfo.InvariantCulture, $"ExternalId = {ExternalId}, SourceType = {SourceType}, SourceId = {SourceId}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Password = {(Password is null ? null : "***")}, PasswordSet = {PasswordSet}, ");
        builder.Append(CultureInfo.InvariantCulture, $"PhoneNumber = {PhoneNumber}, PhoneRegion = {PhoneRegion}, PhoneVerified = {PhoneVerified}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Email = {Email}, EmailVerified = {EmailVerified}, Status = {Status}, ");
        builder.Append(CultureInfo.InvariantCulture, $"AccountExpireTime = {AccountExpireTime:O}, LockExpireTime = {LockExpireTime:O}, ");
        builder.Append(CultureInfo.InvariantCulture, $"RegisterTime = {RegisterTime:O}, CreateTime = {CreateTime:O}, UpdateTime = {UpdateTime:O}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Description = {Description}, PrimaryOrganizationalUnitId = {PrimaryOrganizationalUnitId}, ");
        builder.Append(CultureInfo.InvariantCulture, $"OrganizationalUnits = [{(OrganizationalUnits is null ? null : string.Join(", ", OrganizationalUnits))}], ");
        builder.Append(CultureInfo.InvariantCulture, $"AdditionalProperties = [{string.Join(", ", AdditionalProperties.Keys)}]");
        return true;
    }
}
