using Ego.Components;
using Ego.FailFast;

namespace Ego.Core.Tests.FailFast;

public sealed class FailFastReportTests
{
    [Fact]
    public void Format_StartupError_PrintsEgoBlockWithoutStack()
    {
        var error = new EgoStartupException("parse config error", "server.grpc: invalid key, maybe not exist in config", "server.grpc", new CallerLocation("/src/app/Program.cs", 22), "server.egrpc");

        var text = FailFastReport.Format(error, colour: false, debug: false);

        Assert.Equal(
            "panic:\n  msg: parse config error\n  loc: /src/app/Program.cs:22\n  error: server.grpc: invalid key, maybe not exist in config\n  key: server.grpc\n  comp: server.egrpc\n",
            text);
    }

    [Fact]
    public void Format_Debug_AppendsStack()
    {
        var text = FailFastReport.Format(new EgoStartupException("boom", "bad"), colour: false, debug: true);

        Assert.Contains("stack:", text);
    }

    [Fact]
    public void Format_Colour_HighlightsWithAnsi()
    {
        var text = FailFastReport.Format(new EgoStartupException("boom", "bad"), colour: true, debug: false);

        Assert.Contains("\u001b[31mpanic:", text);
    }
}
