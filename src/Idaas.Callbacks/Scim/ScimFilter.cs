using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// An immutable SCIM filter expression (RFC 7644 section 3.4.2.2), built from validated attribute paths and
/// quoted values so that no caller-supplied text can change the filter's structure.
/// </summary>
/// <example><c>ScimFilter.Eq("userName", "rowan@example.test").And(ScimFilter.Eq("active", true))</c></example>
public sealed class ScimFilter
{
    private readonly string _text;
    private readonly FilterKind _kind;

    private ScimFilter(string text, FilterKind kind)
    {
        _text = text;
        _kind = kind;
    }

    private enum FilterKind
    {
        Simple,
        And,
        Or,
    }

    /// <summary>Creates <c>attributePath eq value</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Eq(string attributePath, ScimFilterValue value) => Compare(attributePath, "eq", value);

    /// <summary>Creates <c>attributePath ne value</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Ne(string attributePath, ScimFilterValue value) => Compare(attributePath, "ne", value);

    /// <summary>Creates <c>attributePath co "value"</c>, a substring match.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Co(string attributePath, string value) => Compare(attributePath, "co", RequireString(value));

    /// <summary>Creates <c>attributePath sw "value"</c>, a prefix match.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Sw(string attributePath, string value) => Compare(attributePath, "sw", RequireString(value));

    /// <summary>Creates <c>attributePath ew "value"</c>, a suffix match.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Ew(string attributePath, string value) => Compare(attributePath, "ew", RequireString(value));

    /// <summary>Creates <c>attributePath gt value</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Gt(string attributePath, ScimFilterValue value) => Compare(attributePath, "gt", value);

    /// <summary>Creates <c>attributePath ge value</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Ge(string attributePath, ScimFilterValue value) => Compare(attributePath, "ge", value);

    /// <summary>Creates <c>attributePath lt value</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Lt(string attributePath, ScimFilterValue value) => Compare(attributePath, "lt", value);

    /// <summary>Creates <c>attributePath le value</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Le(string attributePath, ScimFilterValue value) => Compare(attributePath, "le", value);

    /// <summary>Creates <c>attributePath pr</c>, which matches when the attribute has a value.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Pr(string attributePath)
    {
        ScimAttributePath.ThrowIfInvalid(attributePath, nameof(attributePath));
        return new ScimFilter($"{attributePath} pr", FilterKind.Simple);
    }

    /// <summary>
    /// Creates a value filter on a multi-valued attribute, such as <c>emails[type eq "work"]</c>, which matches
    /// when one value matches <paramref name="valueFilter"/>.
    /// </summary>
    /// <param name="attributePath">The multi-valued attribute, without a sub-attribute.</param>
    /// <param name="valueFilter">The filter on the sub-attributes of one value.</param>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Has(string attributePath, ScimFilter valueFilter)
    {
        ScimAttributePath.ThrowIfInvalid(attributePath, nameof(attributePath));
        ArgumentNullException.ThrowIfNull(valueFilter);
        return new ScimFilter($"{attributePath}[{valueFilter}]", FilterKind.Simple);
    }

    /// <summary>Creates <c>not (filter)</c>.</summary>
    public static ScimFilter Not(ScimFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new ScimFilter($"not ({filter})", FilterKind.Simple);
    }

    /// <summary>Creates the conjunction of <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static ScimFilter And(ScimFilter left, ScimFilter right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        // "and" binds tighter than "or", so an "or" operand needs parentheses.
        return new ScimFilter($"{Operand(left, FilterKind.Or)} and {Operand(right, FilterKind.Or)}", FilterKind.And);
    }

    /// <summary>Creates the disjunction of <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static ScimFilter Or(ScimFilter left, ScimFilter right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        // Parentheses around an "and" operand are not needed, but they make the precedence plain to a reader.
        return new ScimFilter($"{Operand(left, FilterKind.And)} or {Operand(right, FilterKind.And)}", FilterKind.Or);
    }

    /// <summary>Creates the conjunction of this filter and <paramref name="other"/>.</summary>
    public ScimFilter And(ScimFilter other) => And(this, other);

    /// <summary>Creates the disjunction of this filter and <paramref name="other"/>.</summary>
    public ScimFilter Or(ScimFilter other) => Or(this, other);

    /// <summary>Returns the filter text, before URL encoding.</summary>
    public override string ToString() => _text;

    private static ScimFilter Compare(string attributePath, string comparison, ScimFilterValue value)
    {
        ScimAttributePath.ThrowIfInvalid(attributePath, nameof(attributePath));
        return new ScimFilter($"{attributePath} {comparison} {value.Text}", FilterKind.Simple);
    }

    private static ScimFilterValue RequireString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ScimFilterValue.FromString(value);
    }

    private static string Operand(ScimFilter filter, FilterKind wrapWhen)
        => filter._kind == wrapWhen ? $"({filter._text})" : filter._text;
}
