using Idaas.Callbacks.Scim;

namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>Maps SCIM resources to the fields of the local directory that SCIM carries.</summary>
/// <remarks>
/// SCIM carries an account's <c>userName</c>, <c>displayName</c>, e-mail addresses and <c>active</c>, and a group's
/// <c>displayName</c> and members. It has no description, password state, primary organizational unit or lock, so
/// a reconcile keeps the stored values of those fields.
/// </remarks>
internal static class ScimDirectoryMapping
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    /// <summary>Returns the e-mail address marked primary, else the first of type <c>work</c>, else the first one.</summary>
    public static string? GetEmail(ScimUser user)
    {
        var emails = user.Emails?.Where(email => !string.IsNullOrEmpty(email.Value)).ToList();
        if (emails is null || emails.Count == 0)
        {
            return null;
        }

        var chosen = emails.FirstOrDefault(email => email.Primary == true)
            ?? emails.FirstOrDefault(email => string.Equals(email.Type, "work", StringComparison.OrdinalIgnoreCase))
            ?? emails[0];
        return chosen.Value;
    }

    /// <summary>Returns <c>enabled</c> or <c>disabled</c> from <c>active</c>, or <paramref name="stored"/> when <c>active</c> is missing.</summary>
    /// <remarks>A locked account stays active in SCIM, so a lock neither changes the status nor is repaired.</remarks>
    public static string? GetStatus(ScimUser user, string? stored) => user.Active switch
    {
        true => Enabled,
        false => Disabled,
        null => stored,
    };

    /// <summary>Returns the ids of the members that are accounts; nested groups are left out because the store has none.</summary>
    public static IReadOnlySet<string> GetUserMemberIds(ScimGroup group)
        => (group.Members ?? [])
            .Where(member => !string.IsNullOrEmpty(member.Value)
                && (member.Type is null || string.Equals(member.Type, "User", StringComparison.OrdinalIgnoreCase)))
            .Select(member => member.Value!)
            .ToHashSet(StringComparer.Ordinal);
}
