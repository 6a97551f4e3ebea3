namespace Ego.Proto.Syntax.Internal;

internal sealed partial class Parser
{
    private ProtoEnum ParseEnum()
    {
        var start = Begin();
        Next();
        var namePosition = Current.Position;
        var name = ExpectIdentifier("an enum name").Text;
        var trailing = TakeTrailing(Expect("{"));
        var (body, inner, closing) = ParseBlock(ParseEnumMember);
        return new ProtoEnum
        {
            Name = name,
            Body = body,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing, inner, closing),
        };
    }

    private ProtoElement ParseEnumMember()
    {
        var next = PeekAhead(1);
        if (Current.IsWord("option") && (next.Kind == TokenKind.Identifier || next.Is("(")))
        {
            return ParseOptionStatement();
        }

        if (Current.IsWord("reserved") && !next.Is("="))
        {
            return ParseReserved();
        }

        return Current.Kind == TokenKind.Identifier ? ParseEnumValue() : throw Unexpected("an enum value, 'option', 'reserved' or '}'");
    }

    private ProtoEnumValue ParseEnumValue()
    {
        var start = Begin();
        var name = Next().Text;
        Expect("=");
        var number = (int)ExpectInteger("an enum value number", int.MinValue, int.MaxValue);
        var options = ParseOptionList();
        var trailing = EndStatement();
        return new ProtoEnumValue
        {
            Name = name,
            Number = number,
            Options = options,
            Position = start.Position,
            NamePosition = start.Position,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private ProtoService ParseService()
    {
        var start = Begin();
        Next();
        var namePosition = Current.Position;
        var name = ExpectIdentifier("a service name").Text;
        var trailing = TakeTrailing(Expect("{"));
        var (body, inner, closing) = ParseBlock<ProtoElement>(() =>
            Current.IsWord("option") ? ParseOptionStatement()
            : Current.IsWord("rpc") ? ParseRpc()
            : throw Unexpected("'rpc', 'option' or '}'"));
        return new ProtoService
        {
            Name = name,
            Body = body,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing, inner, closing),
        };
    }

    private ProtoRpc ParseRpc()
    {
        var start = Begin();
        Next();
        var namePosition = Current.Position;
        var name = ExpectIdentifier("an rpc name").Text;
        var (requestStream, request) = ParseRpcType("a request type");
        ExpectWord("returns");
        var (responseStream, response) = ParseRpcType("a response type");
        List<ProtoOption> options = [];
        ProtoComment? trailing;
        List<ProtoComment>? inner = null;
        ProtoComment? closing = null;
        var hasBody = Current.Is("{");
        if (!hasBody)
        {
            trailing = EndStatement();
        }
        else
        {
            trailing = TakeTrailing(Next());
            (options, inner, closing) = ParseBlock(() => Current.IsWord("option") ? ParseOptionStatement() : throw Unexpected("'option' or '}'"));
        }

        return new ProtoRpc
        {
            Name = name,
            RequestType = request,
            RequestStream = requestStream,
            ResponseType = response,
            ResponseStream = responseStream,
            HasBody = hasBody,
            Options = options,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing, inner, closing),
        };
    }

    private (bool Stream, string Type) ParseRpcType(string what)
    {
        Expect("(");
        var stream = false;
        if (Current.IsWord("stream") && (PeekAhead(1).Kind == TokenKind.Identifier || PeekAhead(1).Is(".")))
        {
            Next();
            stream = true;
        }

        var type = ParseTypeName(what);
        Expect(")");
        return (stream, type);
    }

    private ProtoExtend ParseExtend()
    {
        var start = Begin();
        Next();
        var namePosition = Current.Position;
        var extendee = ParseTypeName("the extended message type");
        var trailing = TakeTrailing(Expect("{"));
        var (fields, inner, closing) = ParseBlock(() =>
            Current.Kind == TokenKind.Identifier || Current.Is(".") ? ParseField(allowLabel: true) : throw Unexpected("a field or '}'"));
        return new ProtoExtend
        {
            Extendee = extendee,
            Fields = fields,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing, inner, closing),
        };
    }
}
