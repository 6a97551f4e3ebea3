namespace Ego.Proto.Syntax.Internal;

internal sealed partial class Parser
{
    private const long MaxFieldNumber = 536_870_911;

    private ProtoMessage ParseMessage()
    {
        var start = Begin();
        Next();
        var namePosition = Current.Position;
        var name = ExpectIdentifier("a message name").Text;
        var trailing = TakeTrailing(Expect("{"));
        Enter();
        var (body, inner, closing) = ParseBlock(ParseMessageMember);
        Leave();
        return new ProtoMessage
        {
            Name = name,
            Body = body,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing, inner, closing),
        };
    }

    private ProtoElement ParseMessageMember()
    {
        var word = Current.Kind == TokenKind.Identifier ? Current.Text : "";
        var next = PeekAhead(1);
        var isKeyword = next.Kind == TokenKind.Identifier || (word is "option" or "extend" && next.Is("("));
        return word switch
        {
            "option" when isKeyword || next.Is("(") => ParseOptionStatement(),
            "message" when isKeyword => ParseMessage(),
            "enum" when isKeyword => ParseEnum(),
            "oneof" when isKeyword => ParseOneof(),
            "extend" when isKeyword || next.Is(".") => ParseExtend(),
            "reserved" when !next.Is("=") && !next.Is(".") => ParseReserved(),
            "extensions" when !next.Is("=") && !next.Is(".") => ParseExtensions(),
            "" when !Current.Is(".") => throw Unexpected("a field, 'message', 'enum', 'oneof', 'option', 'reserved' or '}'"),
            _ => ParseField(allowLabel: true),
        };
    }

    private ProtoField ParseField(bool allowLabel)
    {
        var start = Begin();
        var label = FieldLabel.None;
        if (Current.Kind == TokenKind.Identifier && Current.Text is "optional" or "required" or "repeated"
            && (PeekAhead(1).Kind == TokenKind.Identifier || PeekAhead(1).Is(".")))
        {
            if (!allowLabel)
            {
                throw Error(Current.Position, $"expected a field without label inside a oneof, found '{Current.Text}'");
            }

            label = Next().Text switch { "optional" => FieldLabel.Optional, "required" => FieldLabel.Required, _ => FieldLabel.Repeated };
        }

        if (Current.IsWord("group") && PeekAhead(1).Kind == TokenKind.Identifier)
        {
            throw Error(Current.Position, "expected a field, found a proto2 group (groups are not supported; use a nested message)");
        }

        string? keyType = null;
        string type;
        if (Current.IsWord("map") && PeekAhead(1).Is("<"))
        {
            Next();
            Next();
            keyType = ExpectIdentifier("a map key type").Text;
            Expect(",");
            type = ParseTypeName("a map value type");
            Expect(">");
        }
        else
        {
            type = ParseTypeName("a field type");
        }

        var namePosition = Current.Position;
        var name = ExpectIdentifier("a field name").Text;
        Expect("=");
        var number = (int)ExpectInteger("a field number", 1, MaxFieldNumber);
        var options = ParseOptionList();
        var trailing = EndStatement();
        return new ProtoField
        {
            Label = label,
            Type = type,
            MapKeyType = keyType,
            Name = name,
            Number = number,
            Options = options,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private ProtoOneof ParseOneof()
    {
        var start = Begin();
        Next();
        var namePosition = Current.Position;
        var name = ExpectIdentifier("a oneof name").Text;
        var trailing = TakeTrailing(Expect("{"));
        var (body, inner, closing) = ParseBlock<ProtoElement>(() =>
            Current.IsWord("option") && (PeekAhead(1).Kind == TokenKind.Identifier || PeekAhead(1).Is("(")) ? ParseOptionStatement()
            : Current.Kind == TokenKind.Identifier || Current.Is(".") ? ParseField(allowLabel: false)
            : throw Unexpected("a oneof field, 'option' or '}'"));
        return new ProtoOneof
        {
            Name = name,
            Body = body,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing, inner, closing),
        };
    }

    private ProtoReserved ParseReserved()
    {
        var start = Begin();
        Next();
        var names = new List<string>();
        var ranges = new List<ProtoRange>();
        var identifiers = false;
        do
        {
            if (Current.Kind == TokenKind.String)
            {
                names.Add(Next().Value!);
            }
            else if (Current.Kind == TokenKind.Identifier)
            {
                identifiers = true;
                names.Add(Next().Text);
            }
            else
            {
                ranges.AddRange(ParseRanges(int.MinValue, int.MaxValue, single: true));
            }
        }
        while (Accept(","));

        var trailing = EndStatement();
        return new ProtoReserved
        {
            Names = names,
            Ranges = ranges,
            NamesAreIdentifiers = identifiers,
            Position = start.Position,
            NamePosition = start.Position,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private ProtoExtensions ParseExtensions()
    {
        var start = Begin();
        Next();
        var ranges = ParseRanges(1, MaxFieldNumber);
        var options = ParseOptionList();
        var trailing = EndStatement();
        return new ProtoExtensions
        {
            Ranges = ranges,
            Options = options,
            Position = start.Position,
            NamePosition = start.Position,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private List<ProtoRange> ParseRanges(long min, long max, bool single = false)
    {
        var ranges = new List<ProtoRange>();
        do
        {
            var from = ExpectInteger("a number", min, max);
            if (!Current.IsWord("to"))
            {
                ranges.Add(new ProtoRange(from, from));
                continue;
            }

            Next();
            if (Current.IsWord("max"))
            {
                Next();
                ranges.Add(new ProtoRange(from, max, EndIsMax: true));
                continue;
            }

            var to = ExpectInteger("a number or 'max'", min, max);
            ranges.Add(to < from ? throw Error(Current.Position, $"expected a range end >= {from}, found {to}") : new ProtoRange(from, to));
        }
        while (!single && Accept(","));

        return ranges;
    }
}
