using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>A validated SCIM User split into the directory's fields and the remaining SCIM attributes.</summary>
/// <param name="UserName">The login name, required.</param>
/// <param name="DisplayName">The display name, or <see langword="null"/> to use <paramref name="UserName"/>.</param>
/// <param name="Email">The primary e-mail address (or the first one), or <see langword="null"/>.</param>
/// <param name="Active">The <c>active</c> attribute; <see langword="true"/> when absent.</param>
/// <param name="Password">A new password, or <see langword="null"/> when the request set none.</param>
/// <param name="Attributes">Every other written attribute with canonical names, including <c>emails</c>.</param>
internal sealed record ScimUserValues(string UserName, string? DisplayName, string? Email, bool Active, string? Password, JsonObject Attributes);

/// <summary>A validated SCIM Group split into its name, its member account ids and the remaining attributes.</summary>
internal sealed record ScimGroupValues(string DisplayName, IReadOnlyList<string> MemberIds, JsonObject Attributes);
