using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Fragless.Analyzers.Internals.Baseline
{
    /// <summary>
    /// The little JSON the baseline file needs, read and written without a JSON library (an analyzer should not
    /// bring one into the compiler's process). Values are <see cref="JsonObject"/>, <see cref="List{T}"/> of values,
    /// <see cref="string"/>, <see cref="double"/>, <see cref="bool"/> or null. Reading never throws: a malformed
    /// document yields an error and the line it is on.
    /// </summary>
    internal static class BaselineJson
    {
        /// <summary>An object, with the line each member's value starts on (for reports about one entry).</summary>
        internal sealed class JsonObject
        {
            public JsonObject(int line) => Line = line;

            public int Line { get; }

            public Dictionary<string, object?> Members { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

            public object? this[string name] => Members.TryGetValue(name, out var value) ? value : null;
        }

        public static bool TryParse(string text, out object? value, out string error, out int errorLine)
        {
            var reader = new Reader(text ?? string.Empty);
            try
            {
                reader.SkipWhitespace();
                value = reader.ReadValue(depth: 0);
                reader.SkipWhitespace();
                if (!reader.AtEnd)
                    throw reader.Fail("unexpected text after the end of the document");
                error = string.Empty;
                errorLine = 0;
                return true;
            }
            catch (FormatException e)
            {
                value = null;
                error = e.Message;
                errorLine = reader.Line;
                return false;
            }
        }

        public static void WriteString(StringBuilder builder, string value)
        {
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ')
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else
                            builder.Append(c);
                        break;
                }
            }

            builder.Append('"');
        }

        private sealed class Reader
        {
            private const int MaxDepth = 32;
            private readonly string _text;
            private int _position;

            public Reader(string text)
            {
                _text = text;
                // A byte-order mark is not JSON, but editors write one.
                if (_text.Length > 0 && _text[0] == '\uFEFF')
                    _position = 1;
            }

            public int Line { get; private set; } = 1;

            public bool AtEnd => _position >= _text.Length;

            public FormatException Fail(string message) => new FormatException(message);

            public void SkipWhitespace()
            {
                while (!AtEnd)
                {
                    var c = _text[_position];
                    if (c == '\n')
                        Line++;
                    else if (c != ' ' && c != '\t' && c != '\r')
                        return;
                    _position++;
                }
            }

            public object? ReadValue(int depth)
            {
                if (depth > MaxDepth)
                    throw Fail("the document is nested too deeply");
                if (AtEnd)
                    throw Fail("unexpected end of the document");

                switch (_text[_position])
                {
                    case '{': return ReadObject(depth);
                    case '[': return ReadArray(depth);
                    case '"': return ReadString();
                    case 't': return ReadWord("true", true);
                    case 'f': return ReadWord("false", false);
                    case 'n': return ReadWord("null", null);
                    default:
                        var c = _text[_position];
                        if (c == '-' || (c >= '0' && c <= '9'))
                            return ReadNumber();
                        throw Fail("unexpected '" + c + "'");
                }
            }

            private JsonObject ReadObject(int depth)
            {
                var result = new JsonObject(Line);
                _position++;
                SkipWhitespace();
                if (Peek('}'))
                {
                    _position++;
                    return result;
                }

                while (true)
                {
                    SkipWhitespace();
                    if (AtEnd || _text[_position] != '"')
                        throw Fail("expected a property name in quotes");
                    var name = ReadString();
                    SkipWhitespace();
                    Expect(':');
                    SkipWhitespace();
                    result.Members[name] = ReadValue(depth + 1);
                    SkipWhitespace();
                    if (Peek(','))
                    {
                        _position++;
                        continue;
                    }

                    Expect('}');
                    return result;
                }
            }

            private List<object?> ReadArray(int depth)
            {
                var result = new List<object?>();
                _position++;
                SkipWhitespace();
                if (Peek(']'))
                {
                    _position++;
                    return result;
                }

                while (true)
                {
                    SkipWhitespace();
                    result.Add(ReadValue(depth + 1));
                    SkipWhitespace();
                    if (Peek(','))
                    {
                        _position++;
                        continue;
                    }

                    Expect(']');
                    return result;
                }
            }

            private string ReadString()
            {
                _position++;
                var builder = new StringBuilder();
                while (true)
                {
                    if (AtEnd)
                        throw Fail("a string is not closed");
                    var c = _text[_position++];
                    if (c == '"')
                        return builder.ToString();
                    if (c == '\n')
                        throw Fail("a string is not closed on its line");
                    if (c != '\\')
                    {
                        builder.Append(c);
                        continue;
                    }

                    if (AtEnd)
                        throw Fail("a string is not closed");
                    var escape = _text[_position++];
                    switch (escape)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            if (_position + 4 > _text.Length
                                || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            {
                                throw Fail("a \\u escape needs four hex digits");
                            }

                            builder.Append((char)code);
                            _position += 4;
                            break;
                        default:
                            throw Fail("unknown escape '\\" + escape + "'");
                    }
                }
            }

            private double ReadNumber()
            {
                var start = _position;
                while (!AtEnd && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
                    _position++;
                var text = _text.Substring(start, _position - start);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw Fail("'" + text + "' is not a number");
                return value;
            }

            private object? ReadWord(string word, object? value)
            {
                if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
                    throw Fail("unexpected '" + _text[_position] + "'");
                _position += word.Length;
                return value;
            }

            private bool Peek(char c) => !AtEnd && _text[_position] == c;

            private void Expect(char c)
            {
                if (!Peek(c))
                    throw Fail(AtEnd ? "unexpected end of the document, expected '" + c + "'" : "expected '" + c + "' but found '" + _text[_position] + "'");
                _position++;
            }
        }
    }
}
