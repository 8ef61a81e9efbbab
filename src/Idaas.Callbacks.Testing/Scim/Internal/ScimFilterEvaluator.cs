using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// Evaluates a parsed filter against a resource in its SCIM JSON form.
/// </summary>
/// <remarks>
/// A multi-valued attribute matches when any of its values matches. A complex multi-valued attribute named without a
/// sub-attribute compares its <c>value</c> sub-attributes. <c>ne</c> is the negation of <c>eq</c>, so it matches a
/// resource without the attribute; <c>eq null</c> matches an absent attribute and <c>ne null</c> a present one.
/// Strings compare with or without case by the attribute's <c>caseExact</c>; unknown attributes compare without
/// case. Ordering and substring operators on booleans throw <c>invalidFilter</c>.
/// </remarks>
internal sealed class ScimFilterEvaluator(ScimResourceSchema schema)
{
    public bool Matches(ScimFilter filter, JsonObject resource) => Evaluate(filter, resource, parent: null);

    /// <summary>Evaluates a value filter against one value of a multi-valued attribute.</summary>
    public bool MatchesValue(ScimFilter filter, JsonNode? element, ScimAttributeDefinition? parent)
        => Evaluate(filter, element as JsonObject ?? new JsonObject { ["value"] = element?.DeepClone() }, parent ?? new ScimAttributeDefinition { Name = "value", Type = ScimAttributeType.Complex });

    private bool Evaluate(ScimFilter filter, JsonObject scope, ScimAttributeDefinition? parent) => filter switch
    {
        ScimLogicalFilter { IsAnd: true } and => Evaluate(and.Left, scope, parent) && Evaluate(and.Right, scope, parent),
        ScimLogicalFilter or => Evaluate(or.Left, scope, parent) || Evaluate(or.Right, scope, parent),
        ScimNotFilter not => !Evaluate(not.Operand, scope, parent),
        ScimValuePathFilter valuePath => EvaluateValuePath(valuePath, scope),
        ScimComparisonFilter comparison => EvaluateComparison(comparison, scope, parent),
        _ => throw new InvalidOperationException($"Unknown filter node {filter.GetType().Name}."),
    };

    private bool EvaluateValuePath(ScimValuePathFilter filter, JsonObject scope)
    {
        var definition = schema.Find(filter.Path.SchemaUrn, filter.Path.Name);
        var values = Container(scope, filter.Path) is { } container ? ScimJson.Get(container, filter.Path.Name) : null;
        return ToValueList(values).Any(element => MatchesValue(filter.Inner, element, definition));
    }

    private bool EvaluateComparison(ScimComparisonFilter filter, JsonObject scope, ScimAttributeDefinition? parent)
    {
        var (leaves, definition) = Resolve(scope, filter.Path, parent);
        var type = definition?.Type;
        var caseExact = definition?.CaseExact ?? false;

        if (filter.Operator == ScimComparisonOperator.Present)
        {
            return leaves.Any(IsPresent);
        }

        if (filter.Value is null)
        {
            return filter.Operator switch
            {
                ScimComparisonOperator.Equal => !leaves.Any(IsPresent),
                ScimComparisonOperator.NotEqual => leaves.Any(IsPresent),
                _ => throw ScimException.InvalidFilter($"'{filter.Path}' can be compared with null only by eq or ne."),
            };
        }

        if (type == ScimAttributeType.Boolean && filter.Operator is not (ScimComparisonOperator.Equal or ScimComparisonOperator.NotEqual))
        {
            throw ScimException.InvalidFilter($"The boolean attribute '{filter.Path}' supports only eq, ne and pr.");
        }

        if (filter.Operator == ScimComparisonOperator.NotEqual)
        {
            return !leaves.Any(leaf => Compare(leaf, ScimComparisonOperator.Equal, filter.Value, type, caseExact));
        }

        return leaves.Any(leaf => Compare(leaf, filter.Operator, filter.Value, type, caseExact));
    }

    /// <summary>Finds the values an attribute path names in a scope, flattening multi-valued attributes.</summary>
    private (List<JsonNode> Leaves, ScimAttributeDefinition? Definition) Resolve(JsonObject scope, ScimAttributePath path, ScimAttributeDefinition? parent)
    {
        var definition = parent is null ? schema.Find(path.SchemaUrn, path.Name) : parent.FindSubAttribute(path.Name);
        var container = parent is null ? Container(scope, path) : scope;
        var node = container is null ? null : ScimJson.Get(container, path.Name);
        var values = ToValueList(node);

        var subAttribute = path.SubAttribute;
        if (subAttribute is null && values.Any(v => v is JsonObject))
        {
            // RFC 7644, section 3.4.2.2: a complex attribute without a sub-attribute is compared by its value.
            subAttribute = "value";
        }

        if (subAttribute is null)
        {
            return (values, definition);
        }

        var leaves = values.OfType<JsonObject>()
            .Select(value => ScimJson.Get(value, subAttribute))
            .SelectMany(ToValueList)
            .ToList();
        return (leaves, definition?.FindSubAttribute(subAttribute));
    }

    /// <summary>Returns the values of a multi-valued attribute, or the single value, without nulls.</summary>
    private static List<JsonNode> ToValueList(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return [.. array.OfType<JsonNode>()];
        }

        return node is null ? [] : [node];
    }

    private JsonObject? Container(JsonObject resource, ScimAttributePath path)
    {
        if (schema.IsCore(path.SchemaUrn))
        {
            return resource;
        }

        var key = schema.FindSchemaUrn(path.SchemaUrn!) ?? path.SchemaUrn!;
        return ScimJson.Get(resource, key) as JsonObject;
    }

    private static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject json => json.Count > 0,
        JsonValue value => value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length > 0,
        _ => false,
    };

    private static bool Compare(JsonNode leaf, ScimComparisonOperator op, JsonValue literal, ScimAttributeType? type, bool caseExact)
    {
        var leafKind = leaf.GetValueKind();
        var literalKind = literal.GetValueKind();

        if (leafKind is JsonValueKind.True or JsonValueKind.False || type == ScimAttributeType.Boolean)
        {
            if (op is not ScimComparisonOperator.Equal)
            {
                throw ScimException.InvalidFilter("Boolean attributes support only eq, ne and pr.");
            }

            // Tolerates "true" and "false" in quotes, as some identity providers send them.
            return TryBoolean(leaf, out var left) && TryBoolean(literal, out var right) && left == right;
        }

        if (leafKind == JsonValueKind.Number && literalKind == JsonValueKind.Number)
        {
            return Order(op, ToDecimal(leaf).CompareTo(ToDecimal(literal)));
        }

        if (leafKind != JsonValueKind.String || literalKind != JsonValueKind.String)
        {
            return false;
        }

        var text = leaf.GetValue<string>();
        var value = literal.GetValue<string>();
        if (type == ScimAttributeType.DateTime
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var leftTime)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rightTime))
        {
            return Order(op, leftTime.CompareTo(rightTime));
        }

        var comparison = caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            ScimComparisonOperator.Equal => string.Equals(text, value, comparison),
            ScimComparisonOperator.Contains => text.Contains(value, comparison),
            ScimComparisonOperator.StartsWith => text.StartsWith(value, comparison),
            ScimComparisonOperator.EndsWith => text.EndsWith(value, comparison),
            _ => Order(op, string.Compare(text, value, comparison)),
        };
    }

    private static bool Order(ScimComparisonOperator op, int comparison) => op switch
    {
        ScimComparisonOperator.Equal => comparison == 0,
        ScimComparisonOperator.GreaterThan => comparison > 0,
        ScimComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ScimComparisonOperator.LessThan => comparison < 0,
        ScimComparisonOperator.LessThanOrEqual => comparison <= 0,
        _ => false,
    };

    private static decimal ToDecimal(JsonNode number) => decimal.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool TryBoolean(JsonNode node, out bool value)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            case JsonValueKind.String:
                return bool.TryParse(node.GetValue<string>(), out value);
            default:
                value = false;
                return false;
        }
    }
}
