using Ego.Components;
using Ego.Governor.Server;

namespace Ego.Governor.Tests.Server;

public sealed class GovernorOptionsTests
{
    [Fact]
    public void Defaults_EgoPortAndNetwork()
    {
        var options = new GovernorOptions();

        Assert.Equal(9003, options.Port);
        Assert.Equal("tcp4", options.Network);
        Assert.Equal("", options.Host);
    }

    [Fact]
    public void Validate_BadPortAndNetwork_ReportsBoth()
    {
        var errors = new List<ComponentOptionError>();

        new GovernorOptions { Port = -1, Network = "unix" }.Validate(errors);

        Assert.Equal(["network", "port"], errors.Select(e => e.Key).Order());
        Assert.Contains(errors, e => e.ToString().Contains("expected tcp, tcp4 or tcp6", StringComparison.Ordinal));
    }
}
