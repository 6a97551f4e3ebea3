using Ego.Proto.Syntax;
using Ego.Proto.Tests.Support;

namespace Ego.Proto.Tests;

public sealed class ProtoParserTests
{
    [Fact]
    public void Parse_GreeterSample_ReadsFileLevelStatements()
    {
        var file = ProtoParser.Parse(Samples.Read("greeter.proto"), "greeter.proto");

        Assert.Equal("proto3", file.Syntax);
        Assert.Equal("ego.greeter.v1", file.PackageName);
        Assert.Equal(["google/protobuf/timestamp.proto", "ego/common/v1/common.proto"], file.Imports.Select(i => i.Path));
        Assert.Equal(ImportModifier.Public, file.Imports[1].Modifier);
        Assert.Equal("\"Ego.Greeter.V1\"", file.Options.Single(o => o.Name == "csharp_namespace").Value.Text);
        Assert.Equal("Ego.Greeter.V1", file.Options.Single(o => o.Name == "csharp_namespace").Value.StringValue);
    }

    [Fact]
    public void Parse_GreeterSample_ReadsServiceAndRpcs()
    {
        var file = ProtoParser.Parse(Samples.Read("greeter.proto"), "greeter.proto");

        var service = Assert.Single(file.Services);
        Assert.Equal("Greeter", service.Name);
        Assert.Equal("deprecated", Assert.Single(service.Options).Name);
        var rpcs = service.Rpcs.ToList();
        Assert.Equal(("SayHello", false, "HelloRequest", false, "HelloReply"),
            (rpcs[0].Name, rpcs[0].RequestStream, rpcs[0].RequestType, rpcs[0].ResponseStream, rpcs[0].ResponseType));
        Assert.True(rpcs[1].RequestStream);
        Assert.True(rpcs[1].ResponseStream);
        Assert.Equal("NO_SIDE_EFFECTS", Assert.Single(rpcs[1].Options).Value.Text);
    }

    [Fact]
    public void Parse_GreeterSample_ReadsMessageBody()
    {
        var file = ProtoParser.Parse(Samples.Read("greeter.proto"), "greeter.proto");

        var request = file.Messages.First();
        var name = request.Fields.First();
        Assert.Equal(("string", "name", 1, "fullName"), (name.Type, name.Name, name.Number, name.JsonName));
        var labels = request.Fields.Single(f => f.Name == "labels");
        Assert.Equal(("string", "string", "map<string, string>"), (labels.MapKeyType, labels.Type, labels.DisplayType));
        Assert.Equal([new ProtoRange(3, 3), new ProtoRange(5, 7)], request.Reserved.First().Ranges);
        Assert.Equal(["old_name"], request.Reserved.Last().Names);
        var oneof = Assert.Single(request.Oneofs);
        Assert.Equal(["text", "template_id"], oneof.Fields.Select(f => f.Name));
        Assert.Equal("greeting", request.AllFields().Single(f => f.Field.Name == "template_id").Oneof?.Name);
        var nested = Assert.Single(file.Messages.Last().Enums);
        Assert.Equal(["MOOD_UNSPECIFIED", "MOOD_HAPPY"], nested.Values.Select(v => v.Name));
    }

    [Fact]
    public void Parse_Field_RecordsPositionsOneBased()
    {
        var file = ProtoParser.Parse("syntax = \"proto3\";\nmessage M {\n    repeated int32 ids = 1;\n}\n", "m.proto");

        var field = file.Messages.Single().Fields.Single();
        Assert.Equal(new SourcePosition(3, 5), field.Position);
        Assert.Equal(new SourcePosition(3, 20), field.NamePosition);
        Assert.Equal(FieldLabel.Repeated, field.Label);
        Assert.Equal(new SourcePosition(2, 9), file.Messages.Single().NamePosition);
    }

    [Fact]
    public void Parse_CrLfAndByteOrderMark_KeepsPositionsAndCommentText()
    {
        var file = ProtoParser.Parse("\uFEFFsyntax = \"proto3\";\r\n// doc\r\nmessage M {\r\n  int32 a = 1;\r\n}\r\n", "crlf.proto");

        var message = file.Messages.Single();
        Assert.Equal(new SourcePosition(3, 1), message.Position);
        Assert.Equal(" doc", message.Comments.Leading!.Text);
        Assert.Equal(new SourcePosition(4, 3), message.Fields.Single().Position);
    }

    [Fact]
    public void Parse_Comments_AttachesDetachedLeadingTrailingAndInner()
    {
        const string text = """
            syntax = "proto3"; // syntax trailing

            // detached

            // leading 1
            // leading 2
            message M { // open
              /* block */
              int32 a = 1; // a trailing
              // inner
            } // closing
            // end
            """;

        var file = ProtoParser.Parse(text, "c.proto");

        Assert.Equal(" syntax trailing", file.SyntaxDeclaration!.Comments.Trailing!.Text);
        var message = file.Messages.Single();
        Assert.Equal(" detached", Assert.Single(message.Comments.Detached).Text);
        Assert.Equal(" leading 1\n leading 2", message.Comments.Leading!.Text);
        Assert.Equal(CommentStyle.Line, message.Comments.Leading.Style);
        Assert.Equal(new SourcePosition(5, 1), message.Comments.Leading.Position);
        Assert.Equal(" open", message.Comments.Trailing!.Text);
        Assert.Equal(" inner", Assert.Single(message.Comments.Inner).Text);
        Assert.Equal(" closing", message.Comments.Closing!.Text);
        var field = message.Fields.Single();
        Assert.Equal((CommentStyle.Block, " block "), (field.Comments.Leading!.Style, field.Comments.Leading.Text));
        Assert.Equal(" a trailing", field.Comments.Trailing!.Text);
        Assert.Equal(" end", Assert.Single(file.EndComments).Text);
    }

    [Fact]
    public void Parse_Proto2Sample_ReadsLabelsExtensionsAndAggregates()
    {
        var file = ProtoParser.Parse(Samples.Read("legacy.proto"), "legacy.proto");

        Assert.Equal("proto2", file.Syntax);
        var message = file.Messages.Single();
        Assert.Equal([FieldLabel.Optional, FieldLabel.Repeated, FieldLabel.Optional, FieldLabel.Required], message.Fields.Select(f => f.Label));
        Assert.Equal("n\"a", message.Fields.First().Options.Single().Value.StringValue);
        var extensions = Assert.Single(message.Body.OfType<ProtoExtensions>());
        Assert.Equal([new ProtoRange(100, 199), new ProtoRange(1000, 536_870_911, EndIsMax: true)], extensions.Ranges);
        var extend = Assert.Single(file.Extends);
        Assert.Equal(("google.protobuf.FileOptions", "file_opt", 50000), (extend.Extendee, extend.Fields.Single().Name, extend.Fields.Single().Number));
        var aggregate = file.Options.Single(o => o.Name == "(legacy.store.file_opt)").Value;
        Assert.Equal(OptionValueKind.Aggregate, aggregate.Kind);
        Assert.Equal(["name", "tags", "nested"], aggregate.Fields.Select(f => f.Name));
        Assert.Equal("-2", aggregate.Fields[2].Value.Fields.Single().Value.Text);
        var kind = file.Enums.Single();
        Assert.Equal(-3, kind.Values.Last().Number);
        Assert.Equal("allow_alias", kind.Options.Single().Name);
    }

    [Fact]
    public void Parse_Editions_ReadsEditionAndIdentifierReservedNames()
    {
        var file = ProtoParser.Parse(Samples.Read("editions.proto"), "editions.proto");

        Assert.Equal(("edition", "2023", "editions"), (file.SyntaxDeclaration!.Keyword, file.SyntaxDeclaration.Value, file.Syntax));
        var reserved = file.Messages.Single().Reserved.Single();
        Assert.True(reserved.NamesAreIdentifiers);
        Assert.Equal(["old", "older"], reserved.Names);
        Assert.Equal(".ego.edition.v1.Item", file.Services.Single().Rpcs.First().RequestType);
    }

    [Fact]
    public void Parse_CustomOptionNames_KeepsParenthesesAndPath()
    {
        var file = ProtoParser.Parse("syntax = \"proto3\";\nmessage M { int32 a = 1 [(foo.bar).baz = 2, (.x.y) = \"s\"]; }", "o.proto");

        Assert.Equal(["(foo.bar).baz", "(.x.y)"], file.Messages.Single().Fields.Single().Options.Select(o => o.Name));
    }

    [Fact]
    public void Parse_AggregateOption_ReadsNestedMessagesListsAndExtensionNames()
    {
        const string text = """
            syntax = "proto3";
            option (cfg) = {
              rules: [{ name: "a" }, { name: "b" }]
              limits < max: 10; min: -1 >
              [ext.flag]: true
              any { [type.googleapis.com/pkg.Msg] { id: 1 } }
              ratio: 0.5
            };
            """;

        var value = ProtoParser.Parse(text, "agg.proto").Options.Single().Value;

        Assert.Equal(["rules", "limits", "[ext.flag]", "any", "ratio"], value.Fields.Select(f => f.Name));
        Assert.Equal(["\"a\"", "\"b\""], value.Fields[0].Value.Items.Select(i => i.Fields.Single().Value.Text));
        Assert.Equal("-1", value.Fields[1].Value.Fields[1].Value.Text);
        Assert.Equal("[type.googleapis.com/pkg.Msg]", value.Fields[3].Value.Fields.Single().Name);
        Assert.Equal(OptionValueKind.Float, value.Fields[4].Value.Kind);
    }

    [Theory]
    [InlineData("syntax = \"proto4\";", "e.proto:1:10: expected \"proto2\" or \"proto3\", found \"proto4\"")]
    [InlineData("syntax = \"proto3\";\nmessage {", "e.proto:2:9: expected a message name, found '{'")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  int32 a = ;\n}", "e.proto:3:13: expected a field number, found ';'")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  int32 a = 0;\n}", "e.proto:3:13: expected a field number between 1 and 536870911, found 0")]
    [InlineData("syntax = \"proto3\";\nmessage M {\n  int32 a = 1\n}", "e.proto:4:1: expected ';', found '}'")]
    [InlineData("syntax = \"proto3\";\nmessage M {", "e.proto:2:12: expected a field, 'message', 'enum', 'oneof', 'option', 'reserved' or '}', found end of file")]
    [InlineData("package a.b;\nsyntax = \"proto3\";", "e.proto:2:1: expected 'syntax' to be the first statement of the file")]
    [InlineData("import \"a.proto", "e.proto:1:8: expected \" to close the string, found end of line")]
    [InlineData("/* open", "e.proto:1:1: expected '*/' to close the comment, found end of file")]
    [InlineData("message M { int32 a = 1; } @", "e.proto:1:28: unexpected character '@'")]
    [InlineData("syntax = \"proto2\";\nmessage M {\n  optional group G = 1 {}\n}", "e.proto:3:12: expected a field, found a proto2 group (groups are not supported; use a nested message)")]
    [InlineData("service S { rpc A() returns (B); }", "e.proto:1:19: expected a request type, found ')'")]
    [InlineData("message M { oneof o { repeated int32 a = 1; } }", "e.proto:1:23: expected a field without label inside a oneof, found 'repeated'")]
    public void Parse_InvalidInput_ThrowsWithLineAndColumn(string text, string expected)
    {
        var error = Assert.Throws<ProtoSyntaxException>(() => ProtoParser.Parse(text, "e.proto"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void TryParse_InvalidInput_ReturnsSyntaxDiagnostic()
    {
        var ok = ProtoParser.TryParse("message", "bad.proto", out var file, out var error);

        Assert.False(ok);
        Assert.Null(file);
        Assert.Equal("bad.proto:1:8 SYNTAX expected a message name, found end of file", error!.ToString());
    }

    [Fact]
    public void Parse_DeepNesting_FailsWithSyntaxErrorInsteadOfOverflow()
    {
        var text = string.Concat(Enumerable.Repeat("message M {", 500)) + string.Concat(Enumerable.Repeat("}", 500));

        var error = Assert.Throws<ProtoSyntaxException>(() => ProtoParser.Parse(text, "deep.proto"));

        Assert.Contains("levels of nesting", error.Reason);
    }

    [Fact]
    public void Parse_RandomBytesAndTruncations_OnlyThrowSyntaxErrors()
    {
        var random = new Random(20261122);
        var inputs = new List<string>();
        foreach (var name in Samples.Names)
        {
            var text = Samples.Read(name);
            for (var cut = 0; cut < text.Length; cut += 7)
            {
                inputs.Add(text[..cut]);
            }

            for (var i = 0; i < 200; i++)
            {
                var chars = text.ToCharArray();
                chars[random.Next(chars.Length)] = (char)random.Next(0, 128);
                inputs.Add(new string(chars));
            }
        }

        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            inputs.Add(System.Text.Encoding.Latin1.GetString(bytes));
        }

        foreach (var input in inputs)
        {
            try
            {
                ProtoParser.Parse(input, "fuzz.proto");
            }
            catch (ProtoSyntaxException ex)
            {
                Assert.StartsWith("fuzz.proto:", ex.Message, StringComparison.Ordinal);
            }
        }
    }
}
