using Ego.Hosting;
using Ego.Logging;
using Ego.Logging.Internal;

namespace Ego.Core.Tests.Logging;

public sealed class LoggerSettingsTests
{
    [Fact]
    public void Resolve_Defaults_FollowEgoAndEnvironment()
    {
        var errors = new List<string>();
        var env = new EgoEnvironment { LogPath = "/var/log/app", LogWriter = "stderr", Debug = true };

        var s = LoggerSettings.Resolve("logger.default", new EgoLoggerOptions(), env, "default.log", errors);

        Assert.Empty(errors);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, s.Level);
        Assert.Equal(LogWriterKind.Stderr, s.Writer);
        Assert.Equal("/var/log/app", s.Dir);
        Assert.Equal("default.log", s.Name);
        Assert.True(s.Debug);
        Assert.True(s.EnableAsync);
        Assert.Equal(500L << 20, s.MaxSizeBytes);
        Assert.Equal(7, s.MaxAge);
        Assert.Equal(10, s.MaxBackup);
        Assert.Equal(256 * 1024, s.FlushBufferSize);
        Assert.Equal(TimeSpan.FromSeconds(5), s.FlushBufferInterval);
    }

    [Theory]
    [InlineData("1", 1L << 20)]
    [InlineData("300B", 300)]
    [InlineData("64kb", 64L << 10)]
    [InlineData("2 GB", 2L << 30)]
    public void Resolve_MaxSize_BareNumberIsMegabytes(string text, long bytes)
    {
        var errors = new List<string>();

        var s = LoggerSettings.Resolve("logger.default", new EgoLoggerOptions { MaxSize = text }, new EgoEnvironment(), "default.log", errors);

        Assert.Empty(errors);
        Assert.Equal(bytes, s.MaxSizeBytes);
    }

    [Theory]
    [InlineData("5s", 5000)]
    [InlineData("1m30s", 90000)]
    [InlineData("250ms", 250)]
    [InlineData("00:00:02", 2000)]
    public void Resolve_FlushBufferInterval_GoOrDotNetText(string text, double ms)
    {
        var errors = new List<string>();

        var s = LoggerSettings.Resolve("logger.ego", new EgoLoggerOptions { FlushBufferInterval = text }, new EgoEnvironment(), "ego.sys", errors);

        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromMilliseconds(ms), s.FlushBufferInterval);
    }

    [Fact]
    public void Resolve_BadValues_CollectsEveryError()
    {
        var errors = new List<string>();
        var options = new EgoLoggerOptions
        {
            FlushBufferInterval = "soon", MaxBackup = -1, QueueSize = 0, Format = "xml", TimeType = "hour", Name = "a/b",
        };

        LoggerSettings.Resolve("logger.ego", options, new EgoEnvironment(), "ego.sys", errors);

        Assert.Equal(
            [
                "logger.ego.name: 'a/b' is not a valid file name",
                "logger.ego.flushBufferInterval: 'soon' is not a positive duration such as 5s or 00:00:05",
                "logger.ego.maxBackup: -1 must be zero or more",
                "logger.ego.queueSize: 0 is not a positive number of lines",
                "logger.ego.format: 'xml' is not one of console, json",
                "logger.ego.timeType: 'hour' is not one of second, millisecond, %S.%f, %Y-%m-%d %H:%M:%S",
            ],
            errors);
    }
}
