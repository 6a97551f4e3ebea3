using Ego.Observability;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Observability;

public sealed class AccessLoggerTests
{
    [Fact]
    public void Write_AccessLogOffAndNormalCall_WritesNothing()
    {
        var logger = new RecordingLogger();
        var access = new AccessLogger(logger, Settings(enabled: false));

        access.Write(Record(TimeSpan.FromMilliseconds(1)));

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public void ShouldWrite_LoggerAtWarn_OnlyWarnAndErrorCallsAreWritten()
    {
        var access = new AccessLogger(new RecordingLogger { Minimum = LogLevel.Warning }, Settings(enabled: true));

        Assert.False(access.ShouldWrite(TimeSpan.FromMilliseconds(1), 200, failed: false, panic: false));
        Assert.True(access.ShouldWrite(TimeSpan.FromSeconds(2), 200, failed: false, panic: false));
        Assert.True(access.ShouldWrite(TimeSpan.FromMilliseconds(1), 404, failed: true, panic: false));
    }

    [Fact]
    public void Write_ReqAndRes_TruncatedAtConfiguredLength()
    {
        var logger = new RecordingLogger();
        var access = new AccessLogger(logger, new AccessLogSettings
        {
            Component = "client.test", Name = "test", Enabled = true, EnableRequest = true, EnableResponse = true, RequestMaxLength = 3, ResponseMaxLength = 10,
        });

        access.Write(Record(TimeSpan.FromMilliseconds(1)) with { Request = "abcdef", Response = "short" });

        var fields = Assert.Single(logger.Entries).Fields;
        Assert.Equal("abc...", fields["req"]);
        Assert.Equal("short", fields["res"]);
    }

    [Fact]
    public void Write_ErrorThatIsAlsoSlow_IsErrorEvent()
    {
        var logger = new RecordingLogger();
        var access = new AccessLogger(logger, Settings(enabled: false));

        access.Write(Record(TimeSpan.FromSeconds(2)) with { Error = "boom", Code = 5, UniformCode = 404 });

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("error", entry.Fields["event"]);
        Assert.Equal("boom", entry.Fields["error"]);
    }

    [Fact]
    public void Write_ExtraValues_BecomeFields()
    {
        var logger = new RecordingLogger();
        var access = new AccessLogger(logger, Settings(enabled: true));

        access.Write(Record(TimeSpan.Zero) with { Extras = [new("x-ego-uid", "7")] });

        Assert.Equal("7", Assert.Single(logger.Entries).Fields["x-ego-uid"]);
    }

    [Fact]
    public void Write_DebugMode_WritesColouredSixTuple()
    {
        var output = new StringWriter();
        var access = new AccessLogger(new RecordingLogger(), new AccessLogSettings
        {
            Component = "client.test", Name = "test", Address = "10.0.0.1:80", Debug = true, DebugOutput = output,
        });

        access.Write(Record(TimeSpan.FromMilliseconds(12.5)) with { Request = "ping", Response = "pong", Caller = "Shop.cs:42" });

        var line = output.ToString();
        Assert.Contains("Shop.cs:42", line);
        Assert.Contains("client.test.test", line);
        Assert.Contains("10.0.0.1:80", line);
        Assert.Contains("[12.5ms]", line);
        Assert.Contains("/svc/Get | ping", line);
        Assert.Contains("=> \u001b[34mpong", line);
    }

    private static AccessLogSettings Settings(bool enabled) =>
        new() { Component = "client.test", Name = "test", Enabled = enabled, SlowThreshold = TimeSpan.FromSeconds(1) };

    private static AccessRecord Record(TimeSpan cost) =>
        new() { Method = "/svc/Get", Cost = cost, Code = 0, UniformCode = 200, PeerIp = "", PeerName = "" };

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, Dictionary<string, object?> Fields)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public LogLevel Minimum { get; init; } = LogLevel.Trace;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, object?>();
            foreach (var pair in (IReadOnlyList<KeyValuePair<string, object?>>)state!)
            {
                fields[pair.Key] = pair.Value;
            }

            Entries.Add((logLevel, fields));
        }
    }
}
