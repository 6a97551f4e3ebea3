using Ego.Grpc.Generator.Tests.Infrastructure;

namespace Ego.Grpc.Generator.Tests;

public sealed class ErrorsEmitterTests
{
    [Fact]
    public void Emit_ErrorValue_RegistersEgoErrorWithCodeReasonAndMessage()
        => Assert.Contains(
            "    public static global::Ego.Grpc.Errors.EgoError AccountErrNotFound { get; } = global::Ego.Grpc.Errors.EgoErrorRegistry.Register(\n" +
            "        new global::Ego.Grpc.Errors.EgoError(global::Ego.Grpc.StatusCode.NotFound, \"acme.account.v1.ACCOUNT_ERR_NOT_FOUND\", \"The account does not exist.\"));\n",
            Generated.File("errors/account_errors.proto"));

    [Fact]
    public void Emit_ErrorValue_HasDocCommentWithCodeAndReason()
        => Assert.Contains(
            "    /// <summary>\n    /// The account does not exist.\n    /// </summary>\n" +
            "    /// <remarks>Code <c>NOT_FOUND</c>, reason <c>acme.account.v1.ACCOUNT_ERR_NOT_FOUND</c>.</remarks>\n",
            Generated.File("errors/account_errors.proto"));

    [Fact]
    public void Emit_MessageWithQuotesAndBackslash_IsEscapedInLiteralAndDoc()
    {
        var text = Generated.File("errors/account_errors.proto");

        Assert.Contains("\"The \\\"limit\\\" is \\\\ exceeded.\"));", text);
        Assert.Contains("/// The &quot;limit&quot; is \\ exceeded.\n", text);
    }

    [Fact]
    public void Emit_DeprecatedValue_IsObsolete()
        => Assert.Contains("[global::System.Obsolete]\n    public static global::Ego.Grpc.Errors.EgoError AccountErrLimit", Generated.File("errors/account_errors.proto"));

    [Fact]
    public void Emit_ModuleInitializer_TouchesClassThenAddsTranslations()
        => Assert.Contains(
            "    #pragma warning disable CA2255\n" +
            "    [global::System.Runtime.CompilerServices.ModuleInitializer]\n" +
            "    internal static void __RegisterErrorsOf_errors_account_errors_proto()\n    {\n" +
            "      global::System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(AccountErrors).TypeHandle);\n" +
            "      global::Ego.Grpc.Errors.EgoErrorRegistry.AddTranslation(\"acme.account.v1.ACCOUNT_ERR_NOT_FOUND\", \"cn\", \"账户不存在\");\n" +
            "      global::Ego.Grpc.Errors.EgoErrorRegistry.AddTranslation(\"acme.account.v1.ACCOUNT_ERR_NOT_FOUND\", \"en\", \"account not found\");\n" +
            "    }\n    #pragma warning restore CA2255\n",
            Generated.File("errors/account_errors.proto"));

    [Fact]
    public void Emit_InternalAccess_MakesClassInternal()
        => Assert.Contains("\n  internal static partial class AccountErrors\n", Generated.File("errors/account_errors.proto", "internal_access"));

    [Fact]
    public void Emit_FileWithServiceAndErrors_WritesBothInOneNamespace()
    {
        var text = Generated.File("errors/other_plugins.proto");

        Assert.Contains("\n  public static partial class Other\n", text);
        Assert.Contains("\n  public static partial class OtherPluginsErrors\n", text);
        Assert.True(text.IndexOf("class Other\n", StringComparison.Ordinal) < text.IndexOf("class OtherPluginsErrors", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a \"b\" \\ c", "\"a \\\"b\\\" \\\\ c\"")]
    [InlineData("line\nbreak\ttab", "\"line\\nbreak\\ttab\"")]
    [InlineData("\u0001\u2028", "\"\\u0001\\u2028\"")]
    [InlineData("用户", "\"用户\"")]
    public void Literal_Text_IsValidCSharpString(string text, string expected)
        => Assert.Equal(expected, ErrorsEmitter.Literal(text));

    [Fact]
    public void Emit_ValueWithBusinessCode_PassesItToEgoErrorAndDocumentsIt()
    {
        var text = Generated.File("errors/biz_errors.proto");

        Assert.Contains("\"The order does not exist.\", businessCode: 1010020001L));", text);
        Assert.Contains("reason <c>acme.biz.v1.ORDER_ERR_NOT_FOUND</c>, business code <c>1010020001</c>.</remarks>", text);
        Assert.Contains("\"ORDER_ERR_UNSPECIFIED\"));", text);
    }
}
