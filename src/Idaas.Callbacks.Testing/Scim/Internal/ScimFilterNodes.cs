using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>An attribute path: an optional schema URN, an attribute name and an optional sub-attribute name.</summary>
internal sealed record ScimAttributePath(string? SchemaUrn, string Name, string? SubAttribute)
{
    public override string ToString()
    {
        var path = SubAttribute is null ? Name : $"{Name}.{SubAttribute}";
        return SchemaUrn is null ? path : $"{SchemaUrn}:{path}";
    }
}

/// <summary>The attribute operators of RFC 7644, section 3.4.2.2.</summary>
internal enum ScimComparisonOperator
{
    Equal,
    NotEqual,
    Contains,
    StartsWith,
    EndsWith,
    Present,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

/// <summary>A node of a parsed SCIM filter.</summary>
internal abstract record ScimFilter;

/// <summary>Two filters joined by <c>and</c> or <c>or</c>.</summary>
internal sealed record ScimLogicalFilter(bool IsAnd, ScimFilter Left, ScimFilter Right) : ScimFilter;

/// <summary>A filter negated by <c>not ( … )</c>.</summary>
internal sealed record ScimNotFilter(ScimFilter Operand) : ScimFilter;

/// <summary>
/// An attribute expression. <see cref="Value"/> is the literal (a JSON string, number or boolean), or
/// <see langword="null"/> for the <c>null</c> literal and for <c>pr</c>.
/// </summary>
internal sealed record ScimComparisonFilter(ScimAttributePath Path, ScimComparisonOperator Operator, JsonValue? Value) : ScimFilter;

/// <summary>A value path <c>attr[filter]</c>: true when one value of the multi-valued attribute matches the inner filter.</summary>
internal sealed record ScimValuePathFilter(ScimAttributePath Path, ScimFilter Inner) : ScimFilter;

/// <summary>
/// A PATCH path (RFC 7644, section 3.5.2): an attribute path, optionally with a value filter and a sub-attribute
/// after it, such as <c>emails[type eq "work"].value</c>.
/// </summary>
internal sealed record ScimPatchPath(ScimAttributePath Attribute, ScimFilter? ValueFilter, string? SubAttribute);
