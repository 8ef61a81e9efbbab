using System.Text.Json.Nodes;
using Idaas.Callbacks.Scim.Internal;

namespace Idaas.Callbacks.Scim;

/// <summary>
/// Builds a <see cref="ScimPatchRequest"/> with lowercase operations, validated paths and JSON values as given,
/// so that <c>Replace("active", false)</c> sends a real JSON boolean.
/// </summary>
/// <example><c>new ScimPatchBuilder().Replace("active", false).RemoveMember("user_1").Build()</c></example>
public sealed class ScimPatchBuilder
{
    private readonly List<ScimPatchOperation> _operations = [];

    /// <summary>Adds an <c>add</c> operation on <paramref name="attributePath"/>, or on the attributes named in <paramref name="value"/> when the path is <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public ScimPatchBuilder Add(string? attributePath, JsonNode? value)
        => Append(ScimPatchOperationType.Add, PathText(attributePath), value);

    /// <summary>Adds an <c>add</c> operation on a value path.</summary>
    public ScimPatchBuilder Add(ScimPath path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Append(ScimPatchOperationType.Add, path.ToString(), value);
    }

    /// <summary>Adds a <c>replace</c> operation on <paramref name="attributePath"/>, or on the attributes named in <paramref name="value"/> when the path is <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public ScimPatchBuilder Replace(string? attributePath, JsonNode? value)
        => Append(ScimPatchOperationType.Replace, PathText(attributePath), value);

    /// <summary>Adds a <c>replace</c> operation on a value path, such as <c>emails[type eq "work"].value</c>.</summary>
    public ScimPatchBuilder Replace(ScimPath path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Append(ScimPatchOperationType.Replace, path.ToString(), value);
    }

    /// <summary>Adds a <c>remove</c> operation on <paramref name="attributePath"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public ScimPatchBuilder Remove(string attributePath)
    {
        ScimAttributePath.ThrowIfInvalid(attributePath, nameof(attributePath));
        return Append(ScimPatchOperationType.Remove, attributePath, null);
    }

    /// <summary>Adds a <c>remove</c> operation on a value path, such as <c>emails[type eq "home"]</c>.</summary>
    public ScimPatchBuilder Remove(ScimPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Append(ScimPatchOperationType.Remove, path.ToString(), null);
    }

    /// <summary>Adds an <c>add</c> operation on <c>members</c> with one <c>{"value": id}</c> per id.</summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public ScimPatchBuilder AddMembers(params IEnumerable<string> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var members = new JsonArray();
        foreach (var memberId in memberIds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(memberId, nameof(memberIds));
            members.Add(new JsonObject { ["value"] = memberId });
        }

        return Append(ScimPatchOperationType.Add, "members", members);
    }

    /// <summary>
    /// Adds a <c>remove</c> operation on <c>members[value eq "id"]</c>, which removes one member and keeps the
    /// others.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="memberId"/> is empty.</exception>
    public ScimPatchBuilder RemoveMember(string memberId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return Remove(ScimPath.Where("members", ScimFilter.Eq("value", memberId)));
    }

    /// <summary>Returns a request with the operations added so far, in order.</summary>
    /// <exception cref="InvalidOperationException">No operation was added.</exception>
    public ScimPatchRequest Build()
    {
        if (_operations.Count == 0)
        {
            throw new InvalidOperationException("A SCIM PATCH request needs at least one operation: call Add, Replace or Remove first.");
        }

        return new ScimPatchRequest { Operations = [.. _operations] };
    }

    private static string? PathText(string? attributePath)
    {
        if (attributePath is not null)
        {
            ScimAttributePath.ThrowIfInvalid(attributePath, nameof(attributePath));
        }

        return attributePath;
    }

    private ScimPatchBuilder Append(ScimPatchOperationType op, string? path, JsonNode? value)
    {
        // A node belongs to one parent, so a node already inside another document is copied.
        var ownValue = value?.Parent is null ? value : value.DeepClone();
        _operations.Add(new ScimPatchOperation { Op = op, Path = path, Value = ownValue });
        return this;
    }
}
