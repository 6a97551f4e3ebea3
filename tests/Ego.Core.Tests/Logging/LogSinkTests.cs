using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ego.Hosting;
using Ego.Logging;
using Ego.Logging.Internal;
using Microsoft.Extensions.Logging;

namespace Ego.Core.Tests.Logging;

public sealed class LogSinkTests
{
    [Fact]
    public void Log_QueueFull_DropsCountsAndNeverBlocks()
    {
        var key = "logger.overflow" + Guid.NewGuid().ToString("N");
        long measured = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Ego.Logging" && instrument.Name == "ego_log_dropped_total")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "logger" && (string?)tag.Value == key)
                {
                    Interlocked.Add(ref measured, value);
                }
            }
        });
        listener.Start();

        var writer = new GateWriter();
        var sink = new LogSink(Settings(key, queueSize: 4), [new LogTarget(new JsonLineFormatter(TimeType.Second, null), writer)], TimeProvider.System);
        var logger = new EgoLogger("Shop", sink, () => new LoggerExternalScopeProvider());
        logger.LogInformation("first");
        Assert.True(writer.Entered.Wait(TimeSpan.FromSeconds(10)), "the background writer never started");

        var elapsed = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            logger.LogInformation("line {Index}", i);
        }

        elapsed.Stop();
        Assert.Equal(96, sink.Dropped);
        Assert.Equal(96, Interlocked.Read(ref measured));
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"logging waited {elapsed.Elapsed}");

        writer.Open();
        sink.Dispose();
        Assert.Equal(5, writer.Lines.Count);
        Assert.Contains("\"msg\":\"line 3\"", writer.Lines[^1]);
    }

    [Fact]
    public void Dispose_WriterStuck_ReturnsAfterStopTimeout()
    {
        var writer = new GateWriter();
        var sink = new LogSink(Settings("logger.stuck", queueSize: 8), [new LogTarget(new JsonLineFormatter(TimeType.Second, null), writer)], TimeProvider.System)
        {
            StopTimeout = TimeSpan.FromMilliseconds(100),
        };
        new EgoLogger("Shop", sink, () => new LoggerExternalScopeProvider()).LogInformation("stuck");
        Assert.True(writer.Entered.Wait(TimeSpan.FromSeconds(10)));

        var elapsed = Stopwatch.StartNew();
        sink.Dispose();

        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"stop waited {elapsed.Elapsed}");
        writer.Open();
    }

    [Fact]
    public void IsEnabled_BelowLevel_IsFalse()
    {
        using var sink = new LogSink(Settings("logger.levels", queueSize: 1), [], TimeProvider.System) { Level = LogLevel.Warning };

        Assert.False(sink.IsEnabled(LogLevel.Information));
        Assert.True(sink.IsEnabled(LogLevel.Warning));
        Assert.False(sink.IsEnabled(LogLevel.None));
    }

    private static LoggerSettings Settings(string key, int queueSize)
    {
        var errors = new List<string>();
        var options = new EgoLoggerOptions { Writer = "stdout", QueueSize = queueSize };
        var settings = LoggerSettings.Resolve(key, options, new EgoEnvironment(), "test.log", errors);
        Assert.Empty(errors);
        return settings;
    }
}
