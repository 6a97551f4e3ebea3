namespace Ego.Proto.Syntax.Internal;

internal sealed partial class Parser
{
    private ProtoFile ParseFile(string text)
    {
        ProtoSyntaxDeclaration? syntax = null;
        ProtoPackage? package = null;
        var imports = new List<ProtoImport>();
        var options = new List<ProtoOption>();
        var definitions = new List<ProtoElement>();
        var sawStatement = false;
        while (Current.Kind != TokenKind.EndOfFile)
        {
            if (Current.Is(";"))
            {
                Next();
                continue;
            }

            var word = Current.Kind == TokenKind.Identifier ? Current.Text : "";
            switch (word)
            {
                case "syntax" or "edition":
                    if (sawStatement)
                    {
                        throw Error(Current.Position, $"expected '{word}' to be the first statement of the file");
                    }

                    syntax = ParseSyntax();
                    break;
                case "package":
                    if (package is not null)
                    {
                        throw Error(Current.Position, $"expected one package statement, found a second one (first at {package.Position})");
                    }

                    package = ParsePackage();
                    break;
                case "import":
                    imports.Add(ParseImport());
                    break;
                case "option":
                    options.Add(ParseOptionStatement());
                    break;
                case "message":
                    definitions.Add(ParseMessage());
                    break;
                case "enum":
                    definitions.Add(ParseEnum());
                    break;
                case "service":
                    definitions.Add(ParseService());
                    break;
                case "extend":
                    definitions.Add(ParseExtend());
                    break;
                default:
                    throw Unexpected("'syntax', 'package', 'import', 'option', 'message', 'enum', 'service' or 'extend'");
            }

            sawStatement = true;
        }

        var end = _orphans.ToList();
        end.AddRange(TakeInner());
        return new ProtoFile
        {
            Path = _path,
            Text = text,
            SyntaxDeclaration = syntax,
            Package = package,
            Imports = imports,
            Options = options,
            Definitions = definitions,
            EndComments = end,
        };
    }

    private ProtoSyntaxDeclaration ParseSyntax()
    {
        var start = Begin();
        var keyword = Next().Text;
        Expect("=");
        if (Current.Kind != TokenKind.String)
        {
            throw Unexpected(keyword == "syntax" ? "\"proto2\" or \"proto3\"" : "an edition string such as \"2023\"");
        }

        var valueToken = Next();
        var value = valueToken.Value!;
        if (keyword == "syntax" && value is not ("proto2" or "proto3"))
        {
            throw Error(valueToken.Position, $"expected \"proto2\" or \"proto3\", found {valueToken.Text}");
        }

        var trailing = EndStatement();
        return new ProtoSyntaxDeclaration
        {
            Keyword = keyword,
            Value = value,
            Position = start.Position,
            NamePosition = valueToken.Position,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private ProtoPackage ParsePackage()
    {
        var start = Begin();
        Next();
        var namePosition = Current.Position;
        var name = ParseFullIdent("a package name");
        var trailing = EndStatement();
        return new ProtoPackage
        {
            Name = name,
            Position = start.Position,
            NamePosition = namePosition,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private ProtoImport ParseImport()
    {
        var start = Begin();
        Next();
        var modifier = ImportModifier.None;
        if (Current.IsWord("weak") || Current.IsWord("public"))
        {
            modifier = Next().Text == "weak" ? ImportModifier.Weak : ImportModifier.Public;
        }

        if (Current.Kind != TokenKind.String)
        {
            throw Unexpected("an import path string");
        }

        var pathToken = Next();
        var trailing = EndStatement();
        return new ProtoImport
        {
            Path = pathToken.Value!,
            Modifier = modifier,
            Position = start.Position,
            NamePosition = pathToken.Position,
            BlankLineBefore = start.BlankLineBefore,
            Comments = Comments(start, trailing),
        };
    }

    private string ParseFullIdent(string what)
    {
        var name = ExpectIdentifier(what).Text;
        while (Current.Is("."))
        {
            Next();
            name += "." + ExpectIdentifier($"an identifier after '.' in {what}").Text;
        }

        return name;
    }

    /// <summary>A message or enum type reference, possibly fully qualified with a leading dot.</summary>
    private string ParseTypeName(string what)
    {
        var prefix = Accept(".") ? "." : "";
        return prefix + ParseFullIdent(what);
    }
}
