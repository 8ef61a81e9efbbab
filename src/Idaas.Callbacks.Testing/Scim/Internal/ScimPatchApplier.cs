using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// Applies a <c>PatchOp</c> request (RFC 7644, section 3.5.2) to a resource's JSON form, in place.
/// </summary>
/// <remarks>
/// <para>
/// Operation names are matched without case, so the <c>"Add"</c> and <c>"Replace"</c> of Microsoft Entra ID work. An
/// operation without a path takes an object whose keys are attribute paths, including dotted keys such as
/// <c>name.givenName</c> and keys prefixed with an extension URN; a key that is an extension URN applies each of its
/// members. Path-less <c>id</c>, <c>meta</c> and <c>schemas</c> keys are ignored, because Okta sends them back.
/// </para>
/// <para>
/// With a value filter: <c>add</c> and <c>replace</c> that match nothing append a new value built from the
/// filter when the filter is only <c>eq</c> comparisons joined by <c>and</c> (the behaviour Microsoft Entra ID
/// expects), and otherwise fail with <c>noTarget</c>; <c>remove</c> that matches nothing changes nothing.
/// Setting <c>primary</c> to true on one value clears it on the others. <c>remove</c> with a value on a
/// multi-valued attribute removes the listed values, as Entra removes group members.
/// </para>
/// </remarks>
internal sealed class ScimPatchApplier(ScimResourceSchema schema)
{
    private readonly ScimFilterEvaluator _evaluator = new(schema);

    public void Apply(JsonObject document, JsonNode? body)
    {
        if (body is not JsonObject request)
        {
            throw ScimException.InvalidSyntax("The PATCH body must be a JSON object with an Operations array.");
        }

        if (ScimJson.Get(request, "schemas") is JsonArray schemas
            && !schemas.Any(s => string.Equals(ScimJson.AsString(s), ScimSchemas.PatchOp, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimException.InvalidSyntax($"The PATCH body's schemas must contain {ScimSchemas.PatchOp}.");
        }

        if (ScimJson.Get(request, "Operations") is not JsonArray { Count: > 0 } operations)
        {
            throw ScimException.InvalidSyntax("The PATCH body must have a non-empty Operations array.");
        }

        foreach (var operation in operations)
        {
            ApplyOperation(document, operation as JsonObject ?? throw ScimException.InvalidSyntax("Each PATCH operation must be a JSON object."));
        }
    }

    private void ApplyOperation(JsonObject document, JsonObject operation)
    {
        var op = ScimJson.AsString(ScimJson.Get(operation, "op"))?.ToLowerInvariant();
        if (op is not ("add" or "replace" or "remove"))
        {
            throw ScimException.InvalidSyntax($"The PATCH operation {ScimJson.Get(operation, "op")?.ToJsonString() ?? "(missing)"} is invalid. Use add, replace or remove.");
        }

        var pathNode = ScimJson.Get(operation, "path");
        if (pathNode is not null && ScimJson.AsString(pathNode) is null)
        {
            throw ScimException.InvalidPath("The PATCH path must be a string.");
        }

        var path = ScimJson.AsString(pathNode);
        var value = ScimJson.Get(operation, "value");
        if (!string.IsNullOrWhiteSpace(path))
        {
            ApplyPath(document, op, ScimFilterParser.ParsePatchPath(path, schema), value);
            return;
        }

        if (op == "remove")
        {
            throw ScimException.NoTarget("A remove operation needs a path.");
        }

        if (value is not JsonObject attributes)
        {
            throw ScimException.InvalidValue($"An {op} operation without a path needs an object value whose keys are attribute paths.");
        }

        foreach (var (key, item) in attributes)
        {
            ApplyPathlessKey(document, op, key, item);
        }
    }

    private void ApplyPathlessKey(JsonObject document, string op, string key, JsonNode? value)
    {
        if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase) || key.Equals("id", StringComparison.OrdinalIgnoreCase) || key.Equals("meta", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (schema.FindSchemaUrn(key) is { } urn && !schema.IsCore(urn) && value is JsonObject extension)
        {
            foreach (var (name, item) in extension)
            {
                ApplyPath(document, op, ScimFilterParser.ParsePatchPath($"{urn}:{name}", schema), item);
            }

            return;
        }

        ApplyPath(document, op, ScimFilterParser.ParsePatchPath(key, schema), value);
    }

    private void ApplyPath(JsonObject document, string op, ScimPatchPath path, JsonNode? value)
    {
        var attribute = path.Attribute;
        if (!schema.IsCore(attribute.SchemaUrn) && schema.FindSchemaUrn(attribute.SchemaUrn!) is null)
        {
            throw ScimException.InvalidPath($"The schema '{attribute.SchemaUrn}' is not a schema of {schema.Name} resources.");
        }

        var definition = schema.Find(attribute.SchemaUrn, attribute.Name);
        if (definition?.IsReadOnly == true)
        {
            throw ScimException.Mutability($"The attribute '{definition.Name}' is read-only.");
        }

        var container = FindContainer(document, attribute.SchemaUrn, create: op != "remove");
        if (container is null)
        {
            return;
        }

        var name = definition?.Name ?? attribute.Name;
        if (path.ValueFilter is not null)
        {
            ApplyFiltered(container, op, name, definition, path, value);
        }
        else if (attribute.SubAttribute is not null)
        {
            ApplySubAttribute(container, op, name, attribute.SubAttribute, value);
        }
        else
        {
            ApplyAttribute(container, op, name, definition, value);
        }
    }

    private JsonObject? FindContainer(JsonObject document, string? schemaUrn, bool create)
    {
        if (schema.IsCore(schemaUrn))
        {
            return document;
        }

        var urn = schema.FindSchemaUrn(schemaUrn!)!;
        if (ScimJson.Get(document, urn) is JsonObject extension)
        {
            return extension;
        }

        if (!create)
        {
            return null;
        }

        extension = [];
        ScimJson.Set(document, urn, extension);
        return extension;
    }

    private static void ApplyAttribute(JsonObject container, string op, string name, ScimAttributeDefinition? definition, JsonNode? value)
    {
        var existing = ScimJson.Get(container, name);
        var multiValued = definition?.MultiValued ?? existing is JsonArray;
        if (op == "remove")
        {
            if (value is not null && multiValued && existing is JsonArray values)
            {
                var removals = value is JsonArray list ? list.ToList() : [value];
                foreach (var element in values.Where(e => removals.Any(r => SameValue(e, r))).ToList())
                {
                    values.Remove(element);
                }

                return;
            }

            ScimJson.Remove(container, name);
            return;
        }

        if (op == "add" && multiValued)
        {
            var values = existing as JsonArray ?? [];
            foreach (var item in value is JsonArray list ? list.ToList() : [value])
            {
                if (item is not null && !values.Any(e => SameValue(e, item)))
                {
                    var added = item.DeepClone();
                    values.Add(added);
                    ClearOtherPrimaries(values, added);
                }
            }

            ScimJson.Set(container, name, values);
            return;
        }

        if (!multiValued && existing is JsonObject current && value is JsonObject update)
        {
            // RFC 7644, section 3.5.2.1 and 3.5.2.3: sub-attributes not in the value stay unchanged.
            foreach (var (key, item) in update)
            {
                ScimJson.Set(current, key, item?.DeepClone());
            }

            return;
        }

        ScimJson.Set(container, name, value?.DeepClone());
    }

    private static void ApplySubAttribute(JsonObject container, string op, string name, string subAttribute, JsonNode? value)
    {
        var existing = ScimJson.Get(container, name);
        if (existing is JsonArray values)
        {
            // A sub-attribute of a multi-valued attribute without a filter names that sub-attribute in every value.
            foreach (var element in values.OfType<JsonObject>())
            {
                SetOrRemove(element, op, subAttribute, value);
            }

            return;
        }

        if (existing is not JsonObject complex)
        {
            if (op == "remove")
            {
                return;
            }

            complex = [];
            ScimJson.Set(container, name, complex);
        }

        SetOrRemove(complex, op, subAttribute, value);
    }

    private void ApplyFiltered(JsonObject container, string op, string name, ScimAttributeDefinition? definition, ScimPatchPath path, JsonNode? value)
    {
        if (definition is { MultiValued: false })
        {
            throw ScimException.InvalidPath($"A value filter needs a multi-valued attribute, and '{definition.Name}' is single-valued.");
        }

        var values = ScimJson.Get(container, name) as JsonArray;
        var matches = values?.Where(e => _evaluator.MatchesValue(path.ValueFilter!, e, definition)).OfType<JsonObject>().ToList() ?? [];
        if (op == "remove")
        {
            foreach (var match in matches)
            {
                if (path.SubAttribute is null)
                {
                    values!.Remove(match);
                }
                else
                {
                    ScimJson.Remove(match, path.SubAttribute);
                }
            }

            return;
        }

        if (matches.Count == 0)
        {
            var created = BuildValue(path.ValueFilter!) ?? throw ScimException.NoTarget($"No value of '{name}' matches the filter, and the filter cannot describe a new value.");
            if (values is null)
            {
                values = [];
                ScimJson.Set(container, name, values);
            }

            values.Add(created);
            matches.Add(created);
        }

        foreach (var match in matches)
        {
            if (path.SubAttribute is not null)
            {
                SetOrRemove(match, op, path.SubAttribute, value);
            }
            else if (value is JsonObject update)
            {
                if (op == "replace")
                {
                    match.Clear();
                }

                foreach (var (key, item) in update)
                {
                    ScimJson.Set(match, key, item?.DeepClone());
                }
            }
            else
            {
                throw ScimException.InvalidValue($"A value of '{name}' selected by a filter can only be set to a JSON object.");
            }

            ClearOtherPrimaries(values!, match);
        }
    }

    private static void SetOrRemove(JsonObject target, string op, string name, JsonNode? value)
    {
        if (op == "remove")
        {
            ScimJson.Remove(target, name);
        }
        else
        {
            ScimJson.Set(target, name, value?.DeepClone());
        }
    }

    /// <summary>Builds a value from a filter of <c>eq</c> comparisons joined by <c>and</c>, or returns <see langword="null"/>.</summary>
    private static JsonObject? BuildValue(ScimFilter filter)
    {
        var value = new JsonObject();
        return Collect(filter, value) ? value : null;

        static bool Collect(ScimFilter filter, JsonObject value) => filter switch
        {
            ScimLogicalFilter { IsAnd: true } and => Collect(and.Left, value) && Collect(and.Right, value),
            ScimComparisonFilter { Operator: ScimComparisonOperator.Equal, Value: { } literal, Path.SubAttribute: null } comparison
                => TryAdd(value, comparison.Path.Name, literal),
            _ => false,
        };

        static bool TryAdd(JsonObject value, string name, JsonValue literal)
        {
            value[name] = literal.DeepClone();
            return true;
        }
    }

    /// <summary>Keeps at most one primary value (RFC 7643, section 2.4): the one just written when it is primary.</summary>
    private static void ClearOtherPrimaries(JsonArray values, JsonNode written)
    {
        if (written is not JsonObject element || !IsTrueOrTrueString(ScimJson.Get(element, "primary")))
        {
            return;
        }

        foreach (var other in values.OfType<JsonObject>().Where(o => !ReferenceEquals(o, element)))
        {
            if (ScimJson.FindKey(other, "primary") is { } key)
            {
                other[key] = false;
            }
        }
    }

    private static bool IsTrueOrTrueString(JsonNode? node)
        => ScimJson.IsTrue(node) || (ScimJson.AsString(node) is { } text && bool.TryParse(text, out var parsed) && parsed);

    /// <summary>Compares two values of a multi-valued attribute by their <c>value</c> sub-attribute, or as JSON.</summary>
    private static bool SameValue(JsonNode? left, JsonNode? right)
    {
        if (left is JsonObject leftObject && right is JsonObject rightObject
            && ScimJson.Get(leftObject, "value") is { } leftValue && ScimJson.Get(rightObject, "value") is { } rightValue)
        {
            return JsonNode.DeepEquals(leftValue, rightValue);
        }

        return JsonNode.DeepEquals(left, right);
    }
}
