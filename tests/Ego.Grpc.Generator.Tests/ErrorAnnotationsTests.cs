namespace Ego.Grpc.Generator.Tests;

public sealed class ErrorAnnotationsTests
{
    [Fact]
    public void Parse_CodeTranslationsAndText_SeparatesThem()
    {
        var errors = new List<string>();

        var result = ErrorAnnotations.Parse(" The user does not exist.\n @code=NOT_FOUND\n @i18n.cn=\"用户不存在\"\n @i18n.en=\"user \"not\" found\"\n", errors);

        Assert.Empty(errors);
        Assert.Equal("NOT_FOUND", result.Code);
        Assert.Equal("The user does not exist.", result.Message);
        Assert.Equal([new("cn", "用户不存在"), new("en", "user \"not\" found")], result.Translations);
    }

    [Fact]
    public void Parse_SeveralTextLines_JoinsThemWithSpaces()
    {
        var result = ErrorAnnotations.Parse(" First line.\n @code=INTERNAL\n Second line.\n", []);

        Assert.Equal("First line. Second line.", result.Message);
    }

    [Fact]
    public void Parse_UnquotedTranslationWord_IsAccepted()
    {
        var result = ErrorAnnotations.Parse("@code=ABORTED\n@i18n.en=conflict\n", []);

        Assert.Equal([new("en", "conflict")], result.Translations);
    }

    [Fact]
    public void Parse_OtherPluginAnnotation_IsLeftOutOfMessageWithoutError()
    {
        var errors = new List<string>();

        var result = ErrorAnnotations.Parse(" Too many.\n @code=RESOURCE_EXHAUSTED\n @validate=ignored\n", errors);

        Assert.Empty(errors);
        Assert.Equal("Too many.", result.Message);
    }

    [Fact]
    public void Parse_NoComment_HasNoCodeNoMessageAndNoError()
    {
        var errors = new List<string>();

        var result = ErrorAnnotations.Parse(null, errors);

        Assert.Empty(errors);
        Assert.Null(result.Code);
        Assert.Equal("", result.Message);
        Assert.Empty(result.Translations);
    }

    [Theory]
    [InlineData("@code=NOTFOUND", "unknown gRPC code '@code=NOTFOUND'")]
    [InlineData("@code=not_found", "unknown gRPC code '@code=not_found'")]
    [InlineData("@code=", "malformed annotation '@code='")]
    [InlineData("@code = NOT_FOUND", "malformed annotation '@code = NOT_FOUND'")]
    public void Parse_BadCode_ReportsItWithValidNames(string line, string expected)
    {
        var errors = new List<string>();

        ErrorAnnotations.Parse(line, errors);

        var error = Assert.Single(errors);
        Assert.Contains(expected, error);
        Assert.Contains("ABORTED, ALREADY_EXISTS, CANCELLED, DATA_LOSS", error);
    }

    [Theory]
    [InlineData("@i18n.cn=用户 不存在")]
    [InlineData("@i18n.cn=\"\"")]
    [InlineData("@i18n.cn=\"unterminated")]
    [InlineData("@i18n=\"no language\"")]
    [InlineData("@i18n.cn")]
    public void Parse_MalformedTranslation_ReportsLineAndExpectedForm(string line)
    {
        var errors = new List<string>();

        var result = ErrorAnnotations.Parse("@code=NOT_FOUND\n" + line, errors);

        Assert.Equal($"malformed annotation '{line}'; expected '@i18n.<language>=\"text\"', e.g. @i18n.en=\"user not found\"", Assert.Single(errors));
        Assert.Empty(result.Translations);
    }

    [Fact]
    public void Parse_TwoCodes_ReportsBoth()
    {
        var errors = new List<string>();

        ErrorAnnotations.Parse("@code=NOT_FOUND\n@code=INTERNAL", errors);

        Assert.Equal("@code is given twice ('NOT_FOUND' and 'INTERNAL'); expected one @code line per value", Assert.Single(errors));
    }

    [Fact]
    public void Parse_SameLanguageTwice_ReportsIt()
    {
        var errors = new List<string>();

        ErrorAnnotations.Parse("@code=NOT_FOUND\n@i18n.en=\"a\"\n@i18n.EN=\"b\"", errors);

        Assert.Equal("@i18n.EN is given twice; expected one translation per language", Assert.Single(errors));
    }

    [Fact]
    public void Parse_WordStartingWithCode_IsMessageText()
    {
        var errors = new List<string>();

        var result = ErrorAnnotations.Parse("@codes are listed elsewhere\n@code=INTERNAL", errors);

        Assert.Empty(errors);
        Assert.Equal("@codes are listed elsewhere", result.Message);
    }

    [Fact]
    public void Parse_BusinessCode_KeepsDigitsOutOfMessage()
    {
        var errors = new List<string>();

        var parsed = ErrorAnnotations.Parse(" Gone.\n @code=NOT_FOUND\n @bizCode=0007\n", errors);

        Assert.Empty(errors);
        Assert.Equal(("0007", "Gone."), (parsed.BusinessCode, parsed.Message));
    }

    [Fact]
    public void Parse_TwoBusinessCodes_ReportsIt()
    {
        var errors = new List<string>();

        ErrorAnnotations.Parse(" @code=NOT_FOUND\n @bizCode=1\n @bizCode=2\n", errors);

        Assert.Equal("@bizCode is given twice ('1' and '2'); expected one @bizCode line per value", Assert.Single(errors));
    }
}
