using System.Globalization;
using System.Text.Json.Nodes;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>
/// A recursive-descent parser for the filter grammar of RFC 7644, section 3.4.2.2, and for PATCH paths (section
/// 3.5.2). Precedence from high to low: grouping and <c>not</c>, then <c>and</c>, then <c>or</c>. Operators, keywords
/// and attribute names are case-insensitive.
/// </summary>
/// <remarks>Every syntax error throws a <see cref="ScimException"/> with <c>invalidFilter</c> (or <c>invalidPath</c> for a path).</remarks>
internal sealed class ScimFilterParser
{
    // Bounds recursion on hostile input such as thousands of nested parentheses.
    private const int MaxDepth = 32;

    private static readonly Dictionary<string, ScimComparisonOperator> Operators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eq"] = ScimComparisonOperator.Equal,
        ["ne"] = ScimComparisonOperator.NotEqual,
        ["co"] = ScimComparisonOperator.Contains,
        ["sw"] = ScimComparisonOperator.StartsWith,
        ["ew"] = ScimComparisonOperator.EndsWith,
        ["gt"] = ScimComparisonOperator.GreaterThan,
        ["ge"] = ScimComparisonOperator.GreaterThanOrEqual,
        ["lt"] = ScimComparisonOperator.LessThan,
        ["le"] = ScimComparisonOperator.LessThanOrEqual,
    };

    private readonly List<ScimToken> _tokens;
    private readonly ScimResourceSchema _schema;
    private int _position;
    private int _depth;

    private ScimFilterParser(string text, ScimResourceSchema schema)
    {
        _tokens = ScimFilterTokenizer.Tokenize(text);
        _schema = schema;
    }

    private ScimToken Current => _tokens[_position];

    /// <summary>Parses a whole filter.</summary>
    public static ScimFilter ParseFilter(string text, ScimResourceSchema schema)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ScimException.InvalidFilter("The filter is empty. Omit the filter parameter to list every resource.");
        }

        var parser = new ScimFilterParser(text, schema);
        var filter = parser.ParseOr(insideValuePath: false);
        parser.Expect(ScimTokenKind.End, "the end of the filter");
        return filter;
    }

    /// <summary>Parses a PATCH path: <c>attrPath</c>, or <c>valuePath</c> with an optional <c>.subAttr</c>.</summary>
    public static ScimPatchPath ParsePatchPath(string text, ScimResourceSchema schema)
    {
        try
        {
            var parser = new ScimFilterParser(text, schema);
            var path = parser.ParsePatchPathCore();
            parser.Expect(ScimTokenKind.End, "the end of the path");
            return path;
        }
        catch (ScimException exception) when (exception.ScimType == "invalidFilter")
        {
            throw ScimException.InvalidPath($"The PATCH path '{text}' is invalid: {exception.Message}");
        }
    }

    /// <summary>Parses an attribute path such as <c>name.givenName</c> or <c>urn:…:enterprise:2.0:User:manager.value</c>.</summary>
    public static ScimAttributePath ParseAttributePath(string word, ScimResourceSchema? schema, int position = 0)
    {
        string? urn = null;
        var rest = word;
        if (word.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            // Schema URNs contain dots ("2.0"), so match a known URN first and split at the last colon otherwise.
            var known = schema is null ? null : new[] { schema.CoreUrn }.Concat(schema.Extensions.Keys)
                .FirstOrDefault(u => word.Length > u.Length + 1 && word.StartsWith(u + ":", StringComparison.OrdinalIgnoreCase));
            var split = known?.Length ?? word.LastIndexOf(':');
            urn = known ?? word[..split];
            rest = word[(split + 1)..];
        }

        var parts = rest.Split('.');
        if (parts.Length > 2 || !parts.All(IsAttributeName))
        {
            throw ScimException.InvalidFilter($"'{word}' at position {position} is not an attribute path.");
        }

        return new ScimAttributePath(urn, parts[0], parts.Length == 2 ? parts[1] : null);
    }

    private static bool IsAttributeName(string name)
    {
        if (string.Equals(name, "$ref", StringComparison.Ordinal))
        {
            return true;
        }

        return name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    private ScimPatchPath ParsePatchPathCore()
    {
        var word = Expect(ScimTokenKind.Word, "an attribute path");
        var attribute = ParseAttributePath(word.Text, _schema, word.Position);
        if (Current.Kind != ScimTokenKind.OpenBracket)
        {
            return new ScimPatchPath(attribute, null, null);
        }

        if (attribute.SubAttribute is not null)
        {
            throw ScimException.InvalidFilter($"A value filter cannot follow the sub-attribute '{attribute}'.");
        }

        _position++;
        var inner = ParseOr(insideValuePath: true);
        Expect(ScimTokenKind.CloseBracket, "']'");
        string? subAttribute = null;
        if (Current.Kind == ScimTokenKind.Word && Current.Text.StartsWith('.'))
        {
            subAttribute = Current.Text[1..];
            if (!IsAttributeName(subAttribute))
            {
                throw ScimException.InvalidFilter($"'{Current.Text}' at position {Current.Position} is not a sub-attribute.");
            }

            _position++;
        }

        return new ScimPatchPath(attribute, inner, subAttribute);
    }

    private ScimFilter ParseOr(bool insideValuePath)
    {
        var left = ParseAnd(insideValuePath);
        while (IsKeyword("or"))
        {
            _position++;
            left = new ScimLogicalFilter(IsAnd: false, left, ParseAnd(insideValuePath));
        }

        return left;
    }

    private ScimFilter ParseAnd(bool insideValuePath)
    {
        var left = ParseUnary(insideValuePath);
        while (IsKeyword("and"))
        {
            _position++;
            left = new ScimLogicalFilter(IsAnd: true, left, ParseUnary(insideValuePath));
        }

        return left;
    }

    private ScimFilter ParseUnary(bool insideValuePath)
    {
        if (++_depth > MaxDepth)
        {
            throw ScimException.InvalidFilter($"The filter nests deeper than {MaxDepth} levels.");
        }

        try
        {
            if (IsKeyword("not") && _tokens[_position + 1].Kind == ScimTokenKind.OpenParenthesis)
            {
                _position += 2;
                var negated = ParseOr(insideValuePath);
                Expect(ScimTokenKind.CloseParenthesis, "')'");
                return new ScimNotFilter(negated);
            }

            if (Current.Kind == ScimTokenKind.OpenParenthesis)
            {
                _position++;
                var grouped = ParseOr(insideValuePath);
                Expect(ScimTokenKind.CloseParenthesis, "')'");
                return grouped;
            }

            return ParseAttributeExpression(insideValuePath);
        }
        finally
        {
            _depth--;
        }
    }

    private ScimFilter ParseAttributeExpression(bool insideValuePath)
    {
        var word = Expect(ScimTokenKind.Word, "an attribute path, 'not' or '('");
        var path = ParseAttributePath(word.Text, _schema, word.Position);
        if (Current.Kind == ScimTokenKind.OpenBracket)
        {
            if (insideValuePath || path.SubAttribute is not null)
            {
                throw ScimException.InvalidFilter($"The value filter at position {Current.Position} cannot be nested or follow a sub-attribute.");
            }

            _position++;
            var inner = ParseOr(insideValuePath: true);
            Expect(ScimTokenKind.CloseBracket, "']'");
            return new ScimValuePathFilter(path, inner);
        }

        if (insideValuePath && (path.SchemaUrn is not null || path.SubAttribute is not null))
        {
            throw ScimException.InvalidFilter($"'{word.Text}' inside a value filter must name a sub-attribute only.");
        }

        var operatorToken = Expect(ScimTokenKind.Word, "an operator such as eq, co or pr");
        if (string.Equals(operatorToken.Text, "pr", StringComparison.OrdinalIgnoreCase))
        {
            return new ScimComparisonFilter(path, ScimComparisonOperator.Present, null);
        }

        if (!Operators.TryGetValue(operatorToken.Text, out var comparison))
        {
            throw ScimException.InvalidFilter($"'{operatorToken.Text}' at position {operatorToken.Position} is not a filter operator. Use eq, ne, co, sw, ew, gt, ge, lt, le or pr.");
        }

        return new ScimComparisonFilter(path, comparison, ParseLiteral());
    }

    private JsonValue? ParseLiteral()
    {
        var token = Current;
        _position++;
        if (token.Kind == ScimTokenKind.String)
        {
            return JsonValue.Create(token.Text);
        }

        if (token.Kind == ScimTokenKind.Word)
        {
            // Keywords are case-insensitive like the rest of the grammar.
            if (string.Equals(token.Text, "true", StringComparison.OrdinalIgnoreCase))
            {
                return JsonValue.Create(true);
            }

            if (string.Equals(token.Text, "false", StringComparison.OrdinalIgnoreCase))
            {
                return JsonValue.Create(false);
            }

            if (string.Equals(token.Text, "null", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (IsJsonNumber(token.Text) && decimal.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return JsonValue.Create(number);
            }
        }

        throw ScimException.InvalidFilter(
            $"The comparison value at position {token.Position} must be a quoted string, a number, true, false or null; found '{token.Text}'.");
    }

    private static bool IsJsonNumber(string text)
        => text.Length > 0 && (char.IsAsciiDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsAsciiDigit(text[1])));

    private bool IsKeyword(string keyword)
        => Current.Kind == ScimTokenKind.Word && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private ScimToken Expect(ScimTokenKind kind, string expected)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            var found = token.Kind == ScimTokenKind.End ? "the end" : $"'{token.Text}'";
            throw ScimException.InvalidFilter($"Expected {expected} at position {token.Position}, found {found}.");
        }

        _position++;
        return token;
    }
}
