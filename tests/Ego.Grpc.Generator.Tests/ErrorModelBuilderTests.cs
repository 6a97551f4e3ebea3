using Ego.Grpc.Generator.Tests.Infrastructure;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator.Tests;

public sealed class ErrorModelBuilderTests
{
    private static FileDescriptorProto File(string name) => Protoc.Request("", name).ProtoFile.Single(f => f.Name == name);

    [Fact]
    public void Build_MarkedFile_ReadsEveryTopLevelEnumValue()
    {
        var errors = new List<string>();

        var classes = ErrorModelBuilder.Build(File("errors/account_errors.proto"), errors);

        Assert.Empty(errors);
        // enum AccountError and enum Err (named after the file account_errors.proto) share one class.
        var account = Assert.Single(classes);
        Assert.Equal("AccountErrors", account.ClassName);
        Assert.Equal(
            ["AccountErrUnspecified", "AccountErrNotFound", "AccountErrLocked", "AccountErrLimit", "ErrBadName"],
            account.Errors.Select(e => e.PropertyName));
        var notFound = account.Errors[1];
        Assert.Equal("acme.account.v1.ACCOUNT_ERR_NOT_FOUND", notFound.Reason);
        Assert.Equal(("NOT_FOUND", "NotFound"), (notFound.CodeName, notFound.CodeMember));
        Assert.Equal("The account does not exist.", notFound.Message);
        Assert.Equal("errors/account_errors.proto:16:3", notFound.Position);
        Assert.Equal([new("cn", "账户不存在"), new("en", "account not found")], notFound.Translations);
    }

    [Fact]
    public void Build_ValueWithOnlyAnnotations_UsesValueNameAsMessage()
    {
        var locked = ErrorModelBuilder.Build(File("errors/account_errors.proto"), [])[0].Errors[2];

        Assert.Equal("ACCOUNT_ERR_LOCKED", locked.Message);
        Assert.Null(locked.Comment);
    }

    [Fact]
    public void Build_DeprecatedValue_IsMarked()
        => Assert.True(ErrorModelBuilder.Build(File("errors/account_errors.proto"), [])[0].Errors[3].Deprecated);

    [Fact]
    public void Build_FileWithoutPluginsComment_ReturnsNothing()
    {
        var errors = new List<string>();

        Assert.Empty(ErrorModelBuilder.Build(File("errors/unmarked_errors.proto"), errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void IsMarked_PluginAmongSeveral_IsTrue()
        => Assert.True(ErrorModelBuilder.IsMarked(File("errors/other_plugins.proto")));

    [Fact]
    public void Build_BadAnnotations_ReportsEachWithFileLineAndColumn()
    {
        var errors = new List<string>();

        ErrorModelBuilder.Build(File("errors/bad_errors.proto"), errors);

        Assert.Collection(
            errors,
            e => Assert.StartsWith("errors/bad_errors.proto:8:3: enum value acme.bad.v1.BAD_ERR_UNKNOWN_CODE: unknown gRPC code '@code=NOTFOUND'; expected one of: ABORTED, ", e),
            e => Assert.StartsWith("errors/bad_errors.proto:12:3: enum value acme.bad.v1.BAD_ERR_MALFORMED_I18N: malformed annotation '@i18n.cn=用户 不存在'", e),
            e => Assert.StartsWith("errors/bad_errors.proto:14:3: enum value acme.bad.v1.BAD_ERR_NO_CODE: no @code annotation; expected a comment line such as '// @code=NOT_FOUND'", e));
    }

    [Fact]
    public void Build_MalformedTranslationWithoutCode_ReportsBoth()
    {
        var file = File("errors/bad_errors.proto");
        file.SourceCodeInfo.Location.Single(l => l.Path.SequenceEqual([5, 0, 2, 2])).LeadingComments = " @i18n.cn=\"\"\n";
        var errors = new List<string>();

        ErrorModelBuilder.Build(file, errors);

        Assert.Equal(4, errors.Count);
        Assert.Contains("errors/bad_errors.proto:14:3: enum value acme.bad.v1.BAD_ERR_NO_CODE: malformed annotation '@i18n.cn=\"\"'", errors[2]);
        Assert.Contains("errors/bad_errors.proto:14:3: enum value acme.bad.v1.BAD_ERR_NO_CODE: no @code annotation", errors[3]);
    }

    [Theory]
    [InlineData("AccountError", "user.proto", "AccountErrors")]
    [InlineData("AccountErrors", "user.proto", "AccountErrors")]
    [InlineData("UserErr", "user.proto", "UserErrors")]
    [InlineData("ErrorReason", "user.proto", "ErrorReasonErrors")]
    [InlineData("Err", "user.proto", "UserErrors")]
    [InlineData("Error", "v1/user_profile.proto", "UserProfileErrors")]
    [InlineData("Err", "user_errors.proto", "UserErrors")]
    [InlineData("Err", "errors.proto", "Errors")]
    [InlineData("code", "user.proto", "CodeErrors")]
    public void ClassName_EnumAndFile_FollowsDocumentedRule(string enumName, string fileName, string expected)
        => Assert.Equal(expected, ErrorModelBuilder.ClassName(new FileDescriptorProto { Name = fileName }, enumName));

    [Theory]
    [InlineData("USER_ERR_NOT_FOUND", "UserErrNotFound")]
    [InlineData("ERR_UNSPECIFIED", "ErrUnspecified")]
    [InlineData("HTTP2_ERR", "Http2Err")]
    [InlineData("userNotFound", "UserNotFound")]
    [InlineData("_LEADING__DOUBLE", "LeadingDouble")]
    public void PropertyName_ValueName_IsPascalCase(string valueName, string expected)
        => Assert.Equal(expected, ErrorModelBuilder.PropertyName(valueName));

    [Fact]
    public void Build_ClassNamedLikeMessage_ReportsClash()
    {
        var file = File("errors/account_errors.proto");
        file.MessageType.Add(new DescriptorProto { Name = "AccountErrors" });
        var errors = new List<string>();

        ErrorModelBuilder.Build(file, errors);

        Assert.Equal(
            "errors/account_errors.proto: the error class 'AccountErrors' would have the name of a type declared in the file; rename the enum or that type",
            Assert.Single(errors));
    }

    [Fact]
    public void Build_ValuesWithSamePropertyName_ReportsClash()
    {
        var file = File("errors/account_errors.proto");
        file.EnumType[0].Value.Add(new EnumValueDescriptorProto { Name = "ACCOUNT_ERR__LOCKED", Number = 9 });
        file.SourceCodeInfo.Location.Add(new SourceCodeInfo.Types.Location
        {
            Path = { 5, 0, 2, 4 }, Span = { 30, 2, 20 }, LeadingComments = " @code=INTERNAL\n",
        });
        var errors = new List<string>();

        ErrorModelBuilder.Build(file, errors);

        Assert.Equal(
            "errors/account_errors.proto: enum values acme.account.v1.ACCOUNT_ERR_LOCKED and acme.account.v1.ACCOUNT_ERR__LOCKED would all be the property AccountErrors.AccountErrLocked; rename one of them",
            Assert.Single(errors));
    }

    [Fact]
    public void Build_BusinessCodes_ModuleSuffixAndFullCodeResolved()
    {
        var errors = new List<string>();

        var classes = ErrorModelBuilder.Build(File("errors/biz_errors.proto"), errors);

        Assert.Empty(errors);
        var codes = classes.SelectMany(c => c.Errors).ToDictionary(e => e.PropertyName, e => e.BusinessCode);
        Assert.Null(codes["OrderErrUnspecified"]);
        Assert.Equal(1010020001L, codes["OrderErrNotFound"]);
        Assert.Equal(1010020042L, codes["OrderErrClosed"]);
        Assert.Equal(1020010001L, codes["PayErrDeclined"]);
    }

    [Fact]
    public void Build_BadBusinessCodes_ReportsEachWithPositionAndLayout()
    {
        var errors = new List<string>();

        ErrorModelBuilder.Build(File("errors/bad_biz_errors.proto"), errors);

        Assert.Collection(
            errors,
            e => Assert.StartsWith("errors/bad_biz_errors.proto:7:1: enum ShipError: malformed annotation '@bizModule=99001'; expected '@bizModule=<6 digits>'", e),
            e => Assert.StartsWith("errors/bad_biz_errors.proto:10:3: enum value acme.badbiz.v1.SHIP_ERR_UNSPECIFIED: @bizCode=1 is not a business code", e),
            e => Assert.StartsWith("errors/bad_biz_errors.proto:17:3: enum value acme.badbiz.v1.STOCK_ERR_GONE: @bizCode=12345 has 5 digits; under the enum's @bizModule=103001 expected the 4-digit error part", e),
            e => Assert.StartsWith("errors/bad_biz_errors.proto:23:3: enum value acme.badbiz.v1.CART_ERR_SHORT: @bizCode=42 is not a business code; expected ten digits 1000000000–9999999999", e),
            e => Assert.StartsWith("errors/bad_biz_errors.proto:27:3: enum value acme.badbiz.v1.CART_ERR_LOW: @bizCode=0999999999 is not a business code", e),
            e => Assert.StartsWith("errors/bad_biz_errors.proto:31:3: enum value acme.badbiz.v1.CART_ERR_TEXT: malformed annotation '@bizCode=x1'", e));
    }
}
