using System.Text.RegularExpressions;

namespace Idaas.Callbacks.Scim.Internal;

/// <summary>
/// Validation of attribute paths (RFC 7644 section 3.10, <c>attrPath</c>): an optional schema URN prefix, an
/// attribute name and an optional sub-attribute. Nothing else can appear, so a caller's value cannot inject filter
/// syntax through an attribute name.
/// </summary>
internal static partial class ScimAttributePath
{
    public static void ThrowIfInvalid(string attributePath, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(attributePath, parameterName);
        if (!IsValid(attributePath))
        {
            throw new ArgumentException(
                $"'{attributePath}' is not a SCIM attribute path: use a name such as userName, a sub-attribute such as name.familyName, or a schema URN prefix such as {ScimSchemas.EnterpriseUser}:department.",
                parameterName);
        }
    }

    public static bool IsValid(string attributePath) => AttributePathPattern().IsMatch(attributePath);

    // ATTRNAME is ALPHA followed by letters, digits, "-" and "_"; "$ref" is the one reserved sub-attribute name.
    [GeneratedRegex(@"^(?:urn:[A-Za-z0-9][A-Za-z0-9.\-_]*(?::[A-Za-z0-9.\-_]+)*:)?[A-Za-z][A-Za-z0-9_\-]*(?:\.(?:[A-Za-z][A-Za-z0-9_\-]*|\$ref))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AttributePathPattern();
}
