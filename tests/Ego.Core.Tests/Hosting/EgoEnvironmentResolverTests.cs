using Ego.Hosting;

namespace Ego.Core.Tests.Hosting;

public sealed class EgoEnvironmentResolverTests
{
    [Fact]
    public void Resolve_NothingSet_UsesEgoDefaults()
    {
        var environment = EgoEnvironmentResolver.Resolve(new EgoCommandLine(), new Dictionary<string, string?>());

        Assert.Equal("config/local.toml", environment.ConfigPath);
        Assert.False(environment.ConfigPathExplicit);
        Assert.Equal("0.0.0.0", environment.Host);
        Assert.True(environment.Watch);
        Assert.False(environment.Debug);
        Assert.Equal("./logs", environment.LogPath);
        Assert.Equal("x-trace-id", environment.TraceIdName);
        Assert.Equal("file", environment.LogWriter);
    }

    [Fact]
    public void Resolve_FlagAndEnvironment_FlagWins()
    {
        var line = EgoCommandLineParser.Parse(["--host=10.0.0.1", "--ego_name=from-flag"]);
        var variables = new Dictionary<string, string?> { ["EGO_HOST"] = "127.0.0.1", ["EGO_NAME"] = "from-env", ["EGO_DEBUG"] = "true" };

        var environment = EgoEnvironmentResolver.Resolve(line, variables);

        Assert.Equal("10.0.0.1", environment.Host);
        Assert.Equal("from-flag", environment.AppName);
        Assert.True(environment.Debug);
    }

    [Fact]
    public void Resolve_EnvironmentOnlySettings_AreRead()
    {
        var variables = new Dictionary<string, string?>
        {
            ["EGO_MODE"] = "prod", ["EGO_REGION"] = "huabei", ["EGO_ZONE"] = "ali-3", ["EGO_INSTANCE"] = "pod-1",
            ["EGO_LOG_WRITER"] = "stdout", ["EGO_LOG_EXTRA_KEYS"] = "X-Ego-Uid, X-Ego-OrderID", ["EGO_CONFIG_PATH"] = "c.toml",
        };

        var environment = EgoEnvironmentResolver.Resolve(new EgoCommandLine(), variables);

        Assert.Equal(("prod", "huabei", "ali-3", "pod-1", "stdout"), (environment.Mode, environment.Region, environment.Zone, environment.Instance, environment.LogWriter));
        Assert.Equal(["X-Ego-Uid", "X-Ego-OrderID"], environment.LogExtraKeys);
        Assert.True(environment.ConfigPathExplicit);
    }

    [Theory]
    [InlineData("EGO_WATCH", "sometimes", "EGO_WATCH='sometimes'")]
    [InlineData("EGO_LOG_WRITER", "syslog", "EGO_LOG_WRITER='syslog'")]
    public void Resolve_BadValue_NamesVariable(string name, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => EgoEnvironmentResolver.Resolve(new EgoCommandLine(), new Dictionary<string, string?> { [name] = value }));

        Assert.Contains(expected, error.Message);
    }
}
