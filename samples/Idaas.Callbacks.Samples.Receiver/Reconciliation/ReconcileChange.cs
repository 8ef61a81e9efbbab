namespace Idaas.Callbacks.Samples.Receiver.Reconciliation;

/// <summary>One difference that a reconcile found between IDaaS and the local directory, and its repair.</summary>
/// <param name="Kind">What differed.</param>
/// <param name="Id">The account or group id.</param>
/// <param name="Fields">For an update, the local field names that differed, such as <c>displayName</c>; otherwise empty.</param>
/// <param name="MemberId">For a membership change, the member account id; otherwise <see langword="null"/>.</param>
/// <param name="Applied">
/// <see langword="false"/> when the store kept its row because a callback newer than the reconcile had already
/// changed it.
/// </param>
public sealed record ReconcileChange(ReconcileChangeKind Kind, string Id, IReadOnlyList<string> Fields, string? MemberId, bool Applied)
{
    /// <summary>Formats the change on one line, such as <c>UserUpdated user_1: displayName, email</c>.</summary>
    /// <returns>The line.</returns>
    public string Format()
    {
        var line = $"{Kind} {Id}";
        if (MemberId is not null)
        {
            line += $" member {MemberId}";
        }

        if (Fields.Count > 0)
        {
            line += $": {string.Join(", ", Fields)}";
        }

        return Applied ? line : line + " (skipped: a newer callback changed the row)";
    }
}
