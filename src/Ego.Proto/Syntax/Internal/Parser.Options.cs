namespace Ego.Proto.Syntax.Internal;

internal sealed partial class Parser
{
    private ProtoOption ParseOptionStatement()
    {
        var start = Begin();
        ExpectWord("option");
        var option = ParseOption(start);
        var trailing = EndStatement();
        return new ProtoOption
        {
            Name = option.Name,
            Value = option.Value,
            Position = start.Position,
            NamePosition = option.NamePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private ProtoOption ParseOption(ElementStart start)
    {
        var namePosition = Current.Position;
        var name = ParseOptionName();
        Expect("=");
        var value = ParseConstant(allowAggregate: true);
        return new ProtoOption { Name = name, Value = value, Position = start.Position, NamePosition = namePosition };
    }

    /// <summary>Parses <c>[a = 1, (b).c = "x"]</c> when present.</summary>
    private List<ProtoOption> ParseOptionList()
    {
        var options = new List<ProtoOption>();
        if (!Accept("["))
        {
            return options;
        }

        do
        {
            var position = Current.Position;
            options.Add(ParseOption(new ElementStart(position, null, [], _orphans.Count, false)));
        }
        while (Accept(","));

        Expect("]");
        return options;
    }

    private string ParseOptionName()
    {
        var name = ParseOptionNamePart();
        while (Current.Is("."))
        {
            Next();
            name += "." + ParseOptionNamePart();
        }

        return name;
    }

    private string ParseOptionNamePart()
    {
        if (!Accept("("))
        {
            return ExpectIdentifier("an option name").Text;
        }

        var extension = ParseTypeName("an extension name");
        Expect(")");
        return "(" + extension + ")";
    }

    private ProtoOptionValue ParseConstant(bool allowAggregate)
    {
        var token = Current;
        if (token.Is("{") && allowAggregate)
        {
            return ParseAggregate("}");
        }

        if (token.Kind == TokenKind.String)
        {
            var parts = new List<Token>();
            while (Current.Kind == TokenKind.String)
            {
                parts.Add(Next());
            }

            return new ProtoOptionValue
            {
                Kind = OptionValueKind.String,
                Text = string.Join(" ", parts.Select(p => p.Text)),
                StringValue = string.Concat(parts.Select(p => p.Value)),
            };
        }

        var sign = "";
        if (token.Is("-") || token.Is("+"))
        {
            sign = Next().Text;
        }

        var value = Current;
        return value.Kind switch
        {
            TokenKind.Integer => Scalar(OptionValueKind.Integer, sign + Next().Text),
            TokenKind.Float => Scalar(OptionValueKind.Float, sign + Next().Text),
            TokenKind.Identifier when sign.Length == 0 || value.Text is "inf" or "nan" =>
                Scalar(OptionValueKind.Identifier, sign + ParseFullIdent("a constant")),
            _ => throw Unexpected(sign.Length > 0 ? "a number after the sign" : "a constant (number, string, identifier or '{')"),
        };
    }

    private static ProtoOptionValue Scalar(OptionValueKind kind, string text) => new() { Kind = kind, Text = text };

    /// <summary>Text-format message value: <c>{ name: value ... }</c> (or with angle brackets).</summary>
    private ProtoOptionValue ParseAggregate(string close)
    {
        Enter();
        Next();
        var fields = new List<ProtoAggregateField>();
        while (!Current.Is(close))
        {
            var name = ParseAggregateFieldName();
            var colon = Accept(":");
            ProtoOptionValue value;
            if (Current.Is("{") || Current.Is("<"))
            {
                value = ParseAggregate(Current.Is("{") ? "}" : ">");
            }
            else if (!colon && !Current.Is("["))
            {
                throw Unexpected($"':' after '{name}'");
            }
            else
            {
                value = Current.Is("[") ? ParseAggregateList() : ParseConstant(allowAggregate: false);
            }

            fields.Add(new ProtoAggregateField { Name = name, Value = value });
            if (!Accept(","))
            {
                Accept(";");
            }
        }

        Next();
        Leave();
        return new ProtoOptionValue { Kind = OptionValueKind.Aggregate, Fields = fields };
    }

    private string ParseAggregateFieldName()
    {
        if (!Accept("["))
        {
            return ExpectIdentifier($"a field name or '}}'").Text;
        }

        var name = ParseFullIdent("an extension or type URL");
        if (Accept("/"))
        {
            name += "/" + ParseFullIdent("a type name after '/'");
        }

        Expect("]");
        return "[" + name + "]";
    }

    private ProtoOptionValue ParseAggregateList()
    {
        Next();
        var items = new List<ProtoOptionValue>();
        if (!Current.Is("]"))
        {
            do
            {
                items.Add(Current.Is("{") || Current.Is("<")
                    ? ParseAggregate(Current.Is("{") ? "}" : ">")
                    : ParseConstant(allowAggregate: false));
            }
            while (Accept(","));
        }

        Expect("]");
        return new ProtoOptionValue { Kind = OptionValueKind.List, Items = items };
    }
}
