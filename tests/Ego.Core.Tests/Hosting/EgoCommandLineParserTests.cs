using Ego.Hosting;

namespace Ego.Core.Tests.Hosting;

public sealed class EgoCommandLineParserTests
{
    [Fact]
    public void Parse_EgoFlagsInBothForms_AreRecognised()
    {
        var line = EgoCommandLineParser.Parse(["--config=conf/a.toml", "--host", "127.0.0.1", "-debug", "--watch=false", "--ego_name=svc"]);

        Assert.Equal("conf/a.toml", line.Flags["config"]);
        Assert.Equal("127.0.0.1", line.Flags["host"]);
        Assert.Equal("true", line.Flags["debug"]);
        Assert.Equal("false", line.Flags["watch"]);
        Assert.Equal("svc", line.Flags["ego_name"]);
    }

    [Fact]
    public void Parse_DottedFlag_BecomesConfigOverride()
    {
        var line = EgoCommandLineParser.Parse(["--server.grpc.port=9100", "--redis.default.addr", "127.0.0.1:6379"]);

        Assert.Equal("9100", line.ConfigOverrides["server:grpc:port"]);
        Assert.Equal("127.0.0.1:6379", line.ConfigOverrides["redis:default:addr"]);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--dump-config")]
    [InlineData("--help")]
    public void Parse_Command_IsFlagged(string arg)
    {
        var line = EgoCommandLineParser.Parse([arg]);

        Assert.True(arg switch { "--version" => line.ShowVersion, "--dump-config" => line.DumpConfig, _ => line.ShowHelp });
    }

    [Fact]
    public void Parse_Job_IsRecorded()
    {
        Assert.Equal("install", EgoCommandLineParser.Parse(["--job=install"]).Job);
    }

    [Fact]
    public void Parse_BooleanFlagWithBadValue_NamesFlagAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => EgoCommandLineParser.Parse(["--debug=maybe"]));

        Assert.Contains("--debug", error.Message);
        Assert.Contains("maybe", error.Message);
    }

    [Fact]
    public void Parse_ValueFlagWithoutValue_SaysValueIsNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => EgoCommandLineParser.Parse(["--config"]));

        Assert.Contains("--config needs a value", error.Message);
    }
}
