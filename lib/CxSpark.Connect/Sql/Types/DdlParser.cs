using System.Globalization;
using System.Text;

namespace CxSpark.Connect.Sql.Types;

/// <summary>Parses Spark DDL schemas and type names (<c>a INT NOT NULL, b MAP&lt;STRING, ARRAY&lt;DOUBLE&gt;&gt;</c>).</summary>
internal sealed class DdlParser
{
    private readonly string _text;
    private int _pos;

    private DdlParser(string text) => _text = text;

    internal static StructType ParseSchema(string ddl)
    {
        ArgumentNullException.ThrowIfNull(ddl);
        var parser = new DdlParser(ddl);
        var fields = new List<StructField>();
        parser.SkipSpace();
        while (!parser.AtEnd)
        {
            fields.Add(parser.ParseField(':', optionalColon: true));
            parser.SkipSpace();
            if (!parser.AtEnd)
            {
                parser.Expect(',');
                parser.SkipSpace();
                if (parser.AtEnd)
                {
                    throw parser.Error("a field after ','");
                }
            }
        }

        return new StructType(fields);
    }

    internal static DataType ParseType(string text)
    {
        var parser = new DdlParser(text);
        DataType type = parser.ParseDataType();
        parser.SkipSpace();
        return parser.AtEnd ? type : throw parser.Error("end of type");
    }

    private bool AtEnd => _pos >= _text.Length;

    private StructField ParseField(char separator, bool optionalColon)
    {
        string name = ParseName();
        SkipSpace();
        if (Peek() == separator)
        {
            _pos++;
        }
        else if (!optionalColon)
        {
            throw Error($"'{separator}'");
        }

        DataType type = ParseDataType();
        bool nullable = true;
        string metadata = "{}";
        while (true)
        {
            SkipSpace();
            if (TryKeyword("NOT"))
            {
                SkipSpace();
                if (!TryKeyword("NULL"))
                {
                    throw Error("NULL after NOT");
                }

                nullable = false;
            }
            else if (TryKeyword("COMMENT"))
            {
                SkipSpace();
                string comment = ParseQuoted('\'');
                metadata = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["comment"] = comment });
            }
            else
            {
                return new StructField(name, type, nullable, metadata);
            }
        }
    }

    private DataType ParseDataType()
    {
        SkipSpace();
        string word = ParseWord().ToUpperInvariant();
        switch (word)
        {
            case "BOOLEAN":
                return new BooleanType();
            case "TINYINT" or "BYTE":
                return new ByteType();
            case "SMALLINT" or "SHORT":
                return new ShortType();
            case "INT" or "INTEGER":
                return new IntegerType();
            case "BIGINT" or "LONG":
                return new LongType();
            case "FLOAT" or "REAL":
                return new FloatType();
            case "DOUBLE":
                return new DoubleType();
            case "STRING":
                return new StringType();
            case "BINARY":
                return new BinaryType();
            case "DATE":
                return new DateType();
            case "TIMESTAMP" or "TIMESTAMP_LTZ":
                return new TimestampType();
            case "TIMESTAMP_NTZ":
                return new TimestampNtzType();
            case "VOID":
                return new NullType();
            case "VARIANT":
                return new VariantType();
            case "DECIMAL" or "DEC" or "NUMERIC":
                {
                    int[] args = ParseIntArgs();
                    return args.Length switch
                    {
                        0 => new DecimalType(),
                        1 => new DecimalType(args[0]),
                        _ => new DecimalType(args[0], args[1]),
                    };
                }

            case "CHAR":
                return new CharType(ParseIntArgs().Single());
            case "VARCHAR":
                return new VarcharType(ParseIntArgs().Single());
            case "ARRAY":
                {
                    Expect('<');
                    DataType element = ParseDataType();
                    Expect('>');
                    return new ArrayType(element);
                }

            case "MAP":
                {
                    Expect('<');
                    DataType key = ParseDataType();
                    Expect(',');
                    DataType value = ParseDataType();
                    Expect('>');
                    return new MapType(key, value);
                }

            case "STRUCT":
                {
                    Expect('<');
                    var fields = new List<StructField>();
                    SkipSpace();
                    while (Peek() != '>')
                    {
                        fields.Add(ParseField(':', optionalColon: true));
                        SkipSpace();
                        if (Peek() == ',')
                        {
                            _pos++;
                            SkipSpace();
                        }
                    }

                    Expect('>');
                    return new StructType(fields);
                }

            default:
                throw Error("a type name", word);
        }
    }

    private int[] ParseIntArgs()
    {
        SkipSpace();
        if (Peek() != '(')
        {
            return [];
        }

        _pos++;
        var values = new List<int>();
        while (true)
        {
            SkipSpace();
            int start = _pos;
            while (!AtEnd && char.IsDigit(_text[_pos]))
            {
                _pos++;
            }

            values.Add(int.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture));
            SkipSpace();
            if (Peek() == ')')
            {
                _pos++;
                return values.ToArray();
            }

            Expect(',');
        }
    }

    private string ParseName()
    {
        SkipSpace();
        return Peek() == '`' ? ParseQuoted('`') : ParseWord();
    }

    private string ParseWord()
    {
        int start = _pos;
        while (!AtEnd && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        return _pos > start ? _text[start.._pos] : throw Error("a name");
    }

    private string ParseQuoted(char quote)
    {
        Expect(quote);
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error($"closing {quote}");
            }

            char c = _text[_pos++];
            if (c == '\\' && quote == '\'' && !AtEnd)
            {
                // Spark's string literals escape with a backslash, as toDDL writes comments.
                value.Append(_text[_pos++]);
                continue;
            }

            if (c == quote)
            {
                if (Peek() != quote)
                {
                    return value.ToString();
                }

                _pos++;
            }

            value.Append(c);
        }
    }

    private bool TryKeyword(string keyword)
    {
        if (_pos + keyword.Length <= _text.Length
            && string.Compare(_text, _pos, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (_pos + keyword.Length == _text.Length || !char.IsLetterOrDigit(_text[_pos + keyword.Length])))
        {
            _pos += keyword.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Error($"'{c}'");
        }

        _pos++;
    }

    private char Peek() => AtEnd ? '\0' : _text[_pos];

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private FormatException Error(string expected, string? found = null) =>
        new($"Invalid DDL schema '{_text}': expected {expected} at position {_pos}{(found is null ? string.Empty : $", found '{found}'")}.");
}
