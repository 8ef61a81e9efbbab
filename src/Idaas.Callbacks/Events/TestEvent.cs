using System.Globalization;
using System.Text;

namespace Idaas.Callbacks.Events;

/// <summary>The test event that the IDaaS console sends to check the callback URL.</summary>
public sealed record TestEvent : IdaasEvent
{
    /// <summary>
    /// Gets the <c>bizData</c> string exactly as sent, or <see langword="null"/> when the event has none.
    /// Its shape is not documented, so it is not parsed.
    /// </summary>
    public required string? BusinessData { get; init; }

    /// <summary>
    /// Appends the members for <see cref="object.ToString"/>, with the length of <see cref="BusinessData"/> in place
    /// of its text, because data of unknown shape may contain secrets such as passwords.
    /// </summary>
    /// <param name="builder">The builder that receives the members.</param>
    /// <returns><see langword="true"/>, because members were appended.</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        base.PrintMembers(builder);
        var length = BusinessData is null ? "none" : BusinessData.Length.ToString(CultureInfo.InvariantCulture) + " characters, not shown";
        builder.Append(CultureInfo.InvariantCulture, $", BusinessData = ({length})");
        return true;
    }
}
