using Ego.Grpc.Errors;

namespace Ego.Grpc.Tests.Errors;

public sealed class EgoErrorRegistryTests
{
    private static readonly EgoError Locked = EgoErrorRegistry.Register(
        new EgoError(StatusCode.FailedPrecondition, "registry.v1.ACCOUNT_ERR_LOCKED", "account locked", businessCode: 1020030001));

    [Fact]
    public void Register_SameBusinessCodeOtherReason_IsRefusedNamingBothReasons()
    {
        var clash = new EgoError(StatusCode.NotFound, "registry.v1.ACCOUNT_ERR_GONE", "gone", businessCode: Locked.BusinessCode);

        var failure = Assert.Throws<ArgumentException>(() => EgoErrorRegistry.Register(clash));

        Assert.Contains("1020030001", failure.Message);
        Assert.Contains("registry.v1.ACCOUNT_ERR_GONE", failure.Message);
        Assert.Contains("registry.v1.ACCOUNT_ERR_LOCKED", failure.Message);
        Assert.False(EgoErrorRegistry.TryGet("registry.v1.ACCOUNT_ERR_GONE", out _));
    }

    [Fact]
    public void Register_SameReasonOtherBusinessCode_IsRefused()
    {
        var clash = new EgoError(Locked.Code, Locked.Reason, "locked", businessCode: 1020030002);

        var failure = Assert.Throws<ArgumentException>(() => EgoErrorRegistry.Register(clash));

        Assert.Contains("1020030001", failure.Message);
        Assert.False(EgoErrorRegistry.TryGetByBusinessCode(1020030002, out _));
    }

    [Fact]
    public void Register_SameErrorTwice_ReturnsTheFirstInstance()
    {
        var again = EgoErrorRegistry.Register(new EgoError(Locked.Code, Locked.Reason, "another text", businessCode: Locked.BusinessCode));

        Assert.Same(Locked, again);
    }

    [Fact]
    public void TryGetByBusinessCode_RegisteredCode_GivesTheError()
    {
        Assert.True(EgoErrorRegistry.TryGetByBusinessCode(Locked.BusinessCode!.Value, out var error));
        Assert.Same(Locked, error);
        Assert.False(EgoErrorRegistry.TryGetByBusinessCode(1020039999, out _));
    }
}
