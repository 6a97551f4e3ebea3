using Ego.Resilience.Isolation;
using Ego.Resilience.Server;
using Ego.Resilience.Tests.Support;
using Ego.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Tests.Isolation;

[Collection(nameof(SafeRunTests))]
public sealed class SafeRunTests
{
    [Fact]
    public async Task Go_WorkThrows_LogsWithStackCountsAndCompletes()
    {
        var log = new ListLogger();
        SafeRun.Logger = log;
        using var metrics = new MetricsRecorder(ServerResilienceMetrics.MeterName);
        var name = "refresh-" + Guid.NewGuid().ToString("N");

        var ok = await SafeRun.Go(_ => throw new InvalidOperationException("boom"), CancellationToken.None, name);

        Assert.False(ok);
        var line = Assert.Single(log.Lines, l => l.Text.Contains(name, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.IsType<InvalidOperationException>(line.Exception);
        Assert.NotNull(line.Exception!.StackTrace);
        var counted = Assert.Single(metrics.Where("ego_resilience_panics_total", "method", name));
        Assert.Equal("background", counted["type"]);
    }

    [Fact]
    public async Task Go_WorkSucceeds_IsTrueAndLogsNothing()
    {
        var log = new ListLogger();
        SafeRun.Logger = log;
        var ran = false;

        Assert.True(await SafeRun.Go(async ct =>
        {
            await Task.Yield();
            ran = true;
        }));

        Assert.True(ran);
        Assert.Empty(log.Lines);
    }

    [Fact]
    public async Task Go_CancelledByItsToken_IsNotAFailure()
    {
        var log = new ListLogger();
        SafeRun.Logger = log;
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        Assert.True(await SafeRun.Go(ct => Task.FromCanceled(ct), cancel.Token));
        Assert.Empty(log.Lines);
    }

    [Fact]
    public void Run_ActionThrows_ReturnsFalseAndNamesTheExpression()
    {
        var log = new ListLogger();
        SafeRun.Logger = log;

        var ok = SafeRun.Run(() => throw new FormatException("bad"));

        Assert.False(ok);
        var line = Assert.Single(log.Lines);
        Assert.Contains("() => throw new FormatException(\"bad\")", line.Text);
    }
}
