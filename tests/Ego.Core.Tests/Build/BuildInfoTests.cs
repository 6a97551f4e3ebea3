using System.Text.RegularExpressions;
using Ego.Build;

namespace Ego.Core.Tests.Build;

public sealed class BuildInfoTests
{
    [Fact]
    public void FromAssembly_StampedAssembly_HasGitVersionAndBuildFacts()
    {
        var info = BuildInfo.FromAssembly(typeof(BuildInfoTests).Assembly);

        Assert.Equal("Ego.Core.Tests", info.AppName);
        Assert.Matches(new Regex("^[0-9a-f]{40}(-dirty)?$"), info.AppVersion);
        Assert.Contains(info.BuildStatus, new[] { "Clean", "Modified" });
        Assert.Equal(info.BuildStatus == "Modified", info.AppVersion.EndsWith("-dirty", StringComparison.Ordinal));
        Assert.Equal(Environment.MachineName, info.BuildHost);
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"), info.BuildTime);
        Assert.Equal("0.1.0", info.EgoVersion);
        Assert.StartsWith(".NET 10", info.DotnetVersion);
    }

    [Fact]
    public void FromAssembly_UnstampedAssembly_SaysUnknown()
    {
        var info = BuildInfo.FromAssembly(typeof(object).Assembly);

        Assert.Equal("unknown", info.AppVersion);
        Assert.Equal("", info.BuildStatus);
    }
}
