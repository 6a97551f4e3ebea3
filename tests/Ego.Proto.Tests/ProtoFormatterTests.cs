using Ego.Proto.Format;
using Ego.Proto.Syntax;
using Ego.Proto.Tests.Support;

namespace Ego.Proto.Tests;

public sealed class ProtoFormatterTests
{
    private static readonly string[] Insertions = ["// x\n", "/* y */", "\n// z\n\n", " /*q\n w*/ ", "\n\n", ""];

    public static TheoryData<string> SampleNames => new(Samples.Names);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Format_Sample_IsIdempotent(string name)
    {
        var once = ProtoFormatter.Format(Samples.Read(name), name);
        var twice = ProtoFormatter.Format(once, name);

        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Format_Sample_PreservesAst(string name)
    {
        var text = Samples.Read(name);
        var formatted = ProtoFormatter.Format(text, name);

        Assert.Equal(AstDump.Of(ProtoParser.Parse(text, name)), AstDump.Of(ProtoParser.Parse(formatted, name)));
    }

    [Fact]
    public void Format_MessyInput_ProducesCanonicalText()
    {
        const string messy = "syntax='proto3';import \"b.proto\";\nimport \"a.proto\";package p.v1;\n"
            + "message   M{\n\tint32    a=1 [ deprecated=true,json_name=\"A\" ] ;  // note\n"
            + "  map < string , M > m = 2;oneof o{string s=3;}}\nenum E{E_UNSPECIFIED=0;}";
        const string expected = """
            syntax = "proto3";

            package p.v1;

            import "a.proto";
            import "b.proto";

            message M {
              int32 a = 1 [deprecated = true, json_name = "A"]; // note
              map<string, M> m = 2;
              oneof o {
                string s = 3;
              }
            }

            enum E {
              E_UNSPECIFIED = 0;
            }

            """;

        Assert.Equal(expected, ProtoFormatter.Format(messy, "m.proto"));
    }

    [Fact]
    public void Format_Comments_StayAttachedToTheirElements()
    {
        const string text = "// file\n\nsyntax = \"proto3\";\n// M doc\nmessage M { // open\n    // a doc\n    int32 a = 1; /* a tail */\n\n\n    // end\n} // close\n";
        const string expected = "// file\n\nsyntax = \"proto3\";\n\n// M doc\nmessage M { // open\n  // a doc\n  int32 a = 1; /* a tail */\n\n  // end\n} // close\n";

        Assert.Equal(expected, ProtoFormatter.Format(text, "c.proto"));
    }

    [Fact]
    public void Format_InvalidInput_ThrowsSyntaxErrorNamingFile()
    {
        var error = Assert.Throws<ProtoSyntaxException>(() => ProtoFormatter.Format("message M {", "bad.proto"));

        Assert.StartsWith("bad.proto:1:12: expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_MutatedSamplesThatParse_AreIdempotentAndPreserveAst()
    {
        var random = new Random(7);
        var checkedCount = 0;
        foreach (var name in Samples.Names)
        {
            var text = Samples.Read(name);
            for (var i = 0; i < 300; i++)
            {
                var chars = text.ToCharArray();
                var at = random.Next(chars.Length);
                const string noise = " \n\t/;{}*";
                chars[at] = noise[random.Next(noise.Length)];
                var source = new string(chars);
                var insertAt = random.Next(source.Length);
                source = source[..insertAt] + Insertions[random.Next(Insertions.Length)] + source[insertAt..];
                if (!ProtoParser.TryParse(source, name, out var file, out _))
                {
                    continue;
                }

                var once = ProtoFormatter.Format(file!);
                var reparsed = ProtoParser.Parse(once, name);
                Assert.Equal(AstDump.Of(file!), AstDump.Of(reparsed));
                Assert.Equal(once, ProtoFormatter.Format(reparsed));
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 100, $"only {checkedCount} mutations parsed");
    }
}
