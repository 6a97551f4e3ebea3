using Ego.CodegenTest.Errors;
using Ego.Grpc.Errors;

namespace Ego.Grpc.Generator.Tests.GeneratedCode;

/// <summary>Protos/Errors/user_errors.proto, compiled by the build: the error classes protoc-gen-ego generated from its enums.</summary>
public sealed class GeneratedErrorsTests
{
    [Fact]
    public void ModuleInitializer_ClassNeverUsed_ReasonIsRegisteredAtLoad()
    {
        // No code mentions LoadErrors: only the generated module initializer can have registered its reason.
        Assert.True(EgoErrorRegistry.TryGet("ego.codegen_test.errors.LOAD_ERR_NOT_READY", out var error));
        Assert.Equal(StatusCode.Unavailable, error.Code);
        Assert.Equal("Loaded at start.", error.Message);
    }

    [Fact]
    public void Property_ErrorValue_HasCodeReasonAndCommentMessage()
    {
        var error = UserErrors.UserErrNotFound;

        Assert.Equal(StatusCode.NotFound, error.Code);
        Assert.Equal("ego.codegen_test.errors.USER_ERR_NOT_FOUND", error.Reason);
        Assert.Equal("The user does not exist.", error.Message);
    }

    [Fact]
    public void Property_ValueWithoutText_UsesValueNameAsMessage()
        => Assert.Equal("USER_ERR_EXISTS", UserErrors.UserErrExists.Message);

    [Fact]
    public void Registry_Reason_ReturnsTheGeneratedInstance()
    {
        Assert.True(EgoErrorRegistry.TryGet("ego.codegen_test.errors.USER_ERR_NOT_FOUND", out var registered));
        Assert.Same(UserErrors.UserErrNotFound, registered);
    }

    [Fact]
    public void Is_ReceivedCallFailureWithSameReason_IsTrue()
    {
        var received = UserErrors.UserErrNotFound.WithMessage("user 7 not found").ToRpcException();

        Assert.True(UserErrors.UserErrNotFound.Is(received));
        Assert.False(UserErrors.UserErrExists.Is(received));
    }

    [Fact]
    public void MessageFor_AnnotatedLanguage_ReturnsTranslation()
    {
        Assert.Equal("用户不存在", UserErrors.UserErrNotFound.MessageFor("cn"));
        Assert.Equal("user not found", UserErrors.UserErrNotFound.MessageFor("en-US"));
        Assert.Equal("The user does not exist.", UserErrors.UserErrNotFound.MessageFor("fr"));
    }

    [Fact]
    public void NoneMode_EnumOnlyFile_HasEnumButNoErrorClass()
    {
        Assert.Equal("NoneError", Ego.CodegenTest.Modes.NoneError.NoneErrNotFound.GetType().Name);
        Assert.Null(typeof(UserErrors).Assembly.GetType("Ego.CodegenTest.Modes.NoneErrors"));
    }

    [Fact]
    public void NoErrorsOption_EnumOnlyFile_HasEnumButNoErrorClass()
    {
        Assert.Equal("OffError", Ego.CodegenTest.Modes.OffError.OffErrNotFound.GetType().Name);
        Assert.Null(typeof(UserErrors).Assembly.GetType("Ego.CodegenTest.Modes.OffErrors"));
        Assert.False(EgoErrorRegistry.TryGet("ego.codegen_test.modes.OFF_ERR_NOT_FOUND", out _));
    }

    [Fact]
    public void Property_ValueWithBusinessCode_CarriesIt()
    {
        Assert.Equal(1990010001L, UserErrors.UserErrNotFound.BusinessCode);
        Assert.Null(UserErrors.UserErrExists.BusinessCode);
        Assert.True(EgoErrorRegistry.TryGetByBusinessCode(1990010001L, out var registered));
        Assert.Same(UserErrors.UserErrNotFound, registered);
    }
}
