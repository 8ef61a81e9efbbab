using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// A PATCH target path (RFC 7644 section 3.5.2): an attribute path, or a value path such as
/// <c>emails[type eq "work"].value</c> or <c>members[value eq "user_1"]</c>.
/// </summary>
public sealed class ScimPath
{
    private readonly string _text;

    private ScimPath(string text) => _text = text;

    /// <summary>Creates a path to an attribute, such as <c>active</c> or <c>name.givenName</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimPath Attribute(string attributePath)
    {
        ScimAttributePath.ThrowIfInvalid(attributePath, nameof(attributePath));
        return new ScimPath(attributePath);
    }

    /// <summary>
    /// Creates a path to the values of <paramref name="attributePath"/> that match <paramref name="valueFilter"/>,
    /// or to one of their sub-attributes.
    /// </summary>
    /// <param name="attributePath">The multi-valued attribute, such as <c>emails</c>.</param>
    /// <param name="valueFilter">The filter that selects the values, such as <c>type eq "work"</c>.</param>
    /// <param name="subAttribute">The sub-attribute of the selected values, such as <c>value</c>, or <see langword="null"/> for the whole values.</param>
    /// <exception cref="ArgumentException">An attribute name is not valid.</exception>
    public static ScimPath Where(string attributePath, ScimFilter valueFilter, string? subAttribute = null)
    {
        ScimAttributePath.ThrowIfInvalid(attributePath, nameof(attributePath));
        ArgumentNullException.ThrowIfNull(valueFilter);
        if (subAttribute is null)
        {
            return new ScimPath($"{attributePath}[{valueFilter}]");
        }

        if (subAttribute.Contains('.', StringComparison.Ordinal) || subAttribute.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{subAttribute}' is not a sub-attribute name: give one name, such as value.", nameof(subAttribute));
        }

        ScimAttributePath.ThrowIfInvalid(subAttribute, nameof(subAttribute));
        return new ScimPath($"{attributePath}[{valueFilter}].{subAttribute}");
    }

    /// <summary>Returns the path text.</summary>
    public override string ToString() => _text;
}
