using System.Text;
using System.Text.Json;

namespace Idaas.Callbacks.Testing.Scim.Internal;

/// <summary>The kinds of token in a SCIM filter.</summary>
internal enum ScimTokenKind
{
    Word,
    String,
    OpenParenthesis,
    CloseParenthesis,
    OpenBracket,
    CloseBracket,
    End,
}

/// <summary>
/// One token. A <see cref="ScimTokenKind.Word"/> is an attribute path, an operator, a keyword or a number; a
/// <see cref="ScimTokenKind.String"/> contains the unescaped text of a quoted string.
/// </summary>
internal readonly record struct ScimToken(ScimTokenKind Kind, string Text, int Position);

/// <summary>Splits a SCIM filter or PATCH path into tokens.</summary>
internal static class ScimFilterTokenizer
{
    public static List<ScimToken> Tokenize(string text)
    {
        var tokens = new List<ScimToken>();
        var index = 0;
        while (index < text.Length)
        {
            var c = text[index];
            if (char.IsWhiteSpace(c))
            {
                index++;
                continue;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new ScimToken(ScimTokenKind.OpenParenthesis, "(", index++));
                    continue;
                case ')':
                    tokens.Add(new ScimToken(ScimTokenKind.CloseParenthesis, ")", index++));
                    continue;
                case '[':
                    tokens.Add(new ScimToken(ScimTokenKind.OpenBracket, "[", index++));
                    continue;
                case ']':
                    tokens.Add(new ScimToken(ScimTokenKind.CloseBracket, "]", index++));
                    continue;
                case '"':
                    tokens.Add(ReadString(text, ref index));
                    continue;
                default:
                    var start = index;
                    while (index < text.Length && !char.IsWhiteSpace(text[index]) && "()[]\"".IndexOf(text[index], StringComparison.Ordinal) < 0)
                    {
                        index++;
                    }

                    tokens.Add(new ScimToken(ScimTokenKind.Word, text[start..index], start));
                    continue;
            }
        }

        tokens.Add(new ScimToken(ScimTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    /// <summary>Reads a JSON string literal (RFC 7644 compares with JSON strings), unescaping it with the JSON reader.</summary>
    private static ScimToken ReadString(string text, ref int index)
    {
        var start = index;
        index++;
        while (index < text.Length && text[index] != '"')
        {
            // A backslash escapes the next character, including a quote.
            index += text[index] == '\\' ? 2 : 1;
        }

        if (index >= text.Length)
        {
            throw ScimException.InvalidFilter($"The string that starts at position {start} has no closing quote.");
        }

        index++;
        var literal = text[start..index];
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(literal));
            reader.Read();
            return new ScimToken(ScimTokenKind.String, reader.GetString()!, start);
        }
        catch (JsonException)
        {
            throw ScimException.InvalidFilter($"The string at position {start} has an invalid escape sequence; use JSON escapes such as \\\" and \\\\.");
        }
        catch (InvalidOperationException)
        {
            throw ScimException.InvalidFilter($"The string at position {start} has an invalid escape sequence; use JSON escapes such as \\\" and \\\\.");
        }
    }
}
