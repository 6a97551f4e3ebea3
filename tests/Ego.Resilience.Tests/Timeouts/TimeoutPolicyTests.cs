using Ego.Resilience.Timeouts;

namespace Ego.Resilience.Tests.Timeouts;

public sealed class TimeoutPolicyTests
{
    private readonly TimeoutPolicy policy = new("server.grpc", TimeSpan.FromSeconds(2), new Dictionary<string, TimeSpan>
    {
        ["/pkg.Svc/Get"] = TimeSpan.FromMilliseconds(200),
    });

    [Fact]
    public void TryGet_MethodWithOverride_ReturnsItWithItsKey()
    {
        Assert.True(policy.TryGet("/pkg.Svc/Get", out var setting));

        Assert.Equal(new TimeoutSetting(TimeSpan.FromMilliseconds(200), "server.grpc.methodTimeouts./pkg.Svc/Get"), setting);
    }

    [Fact]
    public void TryGet_OtherMethod_ReturnsTheServerTimeout()
    {
        Assert.True(policy.TryGet("/pkg.Svc/List", out var setting));

        Assert.Equal(new TimeoutSetting(TimeSpan.FromSeconds(2), "server.grpc.timeout"), setting);
    }

    [Fact]
    public void TryGet_NothingConfigured_IsFalse()
    {
        var none = new TimeoutPolicy("server.http", TimeSpan.Zero, new Dictionary<string, TimeSpan>());

        Assert.False(none.IsEnabled);
        Assert.False(none.TryGet("GET./x", out _));
    }

    [Fact]
    public void Describe_NamesDurationAndKey()
    {
        policy.TryGet("/pkg.Svc/Get", out var setting);

        Assert.Equal("deadline 200ms from server.grpc.methodTimeouts./pkg.Svc/Get exceeded", TimeoutPolicy.Describe(setting));
    }
}
