using Ego.Resilience.RateLimiting;
using Ego.Resilience.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Ego.Resilience.Tests.RateLimiting;

public sealed class RateLimitRulesWatcherTests
{
    private const string OnePermit = "[rules.\"/a.B/C\"]\ntype = \"concurrency\"\npermits = 1\n";
    private const string FivePermits = "[rules.\"/a.B/C\"]\ntype = \"concurrency\"\npermits = 5\n";

    [Fact]
    public void Reload_ValidEdit_AppliesTheNewRules()
    {
        using var file = new TempFile("ratelimit.toml", OnePermit);
        var log = new ListLogger();
        using var watcher = new RateLimitRulesWatcher(file.Path, watch: false, TimeProvider.System, log);
        file.Write(FivePermits);

        Assert.True(watcher.Reload());

        Assert.Equal(5, watcher.Rules.ByTarget["/a.B/C"].Permits);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Information && l.Text.Contains("1 rules", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_BrokenEdit_KeepsTheOldRulesAndLogsFileAndLine()
    {
        using var file = new TempFile("ratelimit.toml", OnePermit);
        var log = new ListLogger();
        using var watcher = new RateLimitRulesWatcher(file.Path, watch: false, TimeProvider.System, log);
        file.Write("[rules.\"/a.B/C\"]\ntype = \"concurrency\"\npermits = \"many\"\n");

        Assert.False(watcher.Reload());

        Assert.Equal(1, watcher.Rules.ByTarget["/a.B/C"].Permits);
        var line = Assert.Single(log.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains(file.Path + ":3: rules.\"/a.B/C\".permits 'many' is not a positive integer", line.Text);
        Assert.Contains("the previous rules stay", line.Text);
    }

    [Fact]
    public async Task Watch_FileEdited_AppliesWithoutRestart()
    {
        using var file = new TempFile("ratelimit.toml", OnePermit);
        using var watcher = new RateLimitRulesWatcher(file.Path, watch: true, TimeProvider.System, new ListLogger());
        var reloaded = new TaskCompletionSource<RateLimitRules>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Reloaded += rules =>
        {
            if (rules.ByTarget.TryGetValue("/a.B/C", out var rule) && rule.Permits == 5)
            {
                reloaded.TrySetResult(rules);
            }
        };

        file.Write(FivePermits);

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(5, watcher.Rules.ByTarget["/a.B/C"].Permits);
    }

    [Fact]
    public void Constructor_InvalidFileAtStart_Throws()
    {
        using var file = new TempFile("ratelimit.toml", "[default]\ntype = \"nope\"\n");

        var error = Assert.Throws<RateLimitRulesException>(() => new RateLimitRulesWatcher(file.Path, watch: false, TimeProvider.System, new ListLogger()));

        Assert.Equal(2, error.Line);
    }
}
