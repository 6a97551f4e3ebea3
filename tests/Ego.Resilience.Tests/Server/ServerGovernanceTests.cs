using Ego.Observability;
using Ego.Resilience.Server;
using Ego.Resilience.Server.Internal;
using Ego.Resilience.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Resilience.Tests.Server;

public sealed class ServerGovernanceTests
{
    private const string Method = "/pkg.Svc/Get";

    [Fact]
    public void TryAdmitAndRelease_NothingRefused_AllocateNothing()
    {
        using var rules = new TempFile("ratelimit.toml", $"[rules.\"{Method}\"]\ntype = \"tokenBucket\"\npermits = 2000000000\nperiod = \"1s\"\n\n[default]\ntype = \"slidingWindow\"\npermits = 2000000000\nperiod = \"1s\"\n");
        var options = new ServerResilienceOptions { RateLimitRules = rules.Path, MaxConcurrentCalls = 100, Timeout = TimeSpan.FromSeconds(1) };
        using var governance = new ServerGovernance("grpc", "server.grpc", options, new ScriptedCpu(), TimeProvider.System, NullLogger.Instance, watchRules: false);
        Cycle(governance, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Cycle(governance, 1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TryAdmit_ShedCall_TakesNoRateLimitToken()
    {
        using var rules = new TempFile("ratelimit.toml", $"[rules.\"{Method}\"]\ntype = \"tokenBucket\"\npermits = 1\nperiod = \"1h\"\n");
        var cpu = new ScriptedCpu();
        var clock = new SteppingTimeProvider();
        using var governance = new ServerGovernance("grpc", "server.grpc", new() { RateLimitRules = rules.Path }, cpu, clock, NullLogger.Instance, watchRules: false);
        var shedder = governance.Shedder!;
        for (var i = 0; i < 40; i++)
        {
            Assert.True(shedder.TryEnter(out _));
        }

        for (var i = 0; i < 40; i++)
        {
            Assert.True(shedder.TryEnter(out var start));
            shedder.Exit(start, passed: false);
        }

        cpu.Usage = 999;
        Assert.False(governance.TryAdmit(Method, out _, out var shed));
        Assert.Equal((AccessEvent.Shed, ServerResilienceMetrics.Shed), (shed.Event, shed.Reason));

        cpu.Usage = 0;
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(governance.TryAdmit(Method, out var admission, out _));
        governance.Release(admission, passed: true);
        Assert.False(governance.TryAdmit(Method, out _, out var limited));
        Assert.Equal((AccessEvent.Limited, ServerResilienceMetrics.RateLimit), (limited.Event, limited.Reason));
    }

    [Fact]
    public void TryAdmit_RateLimited_ReleasesTheConcurrencySlotItTook()
    {
        using var rules = new TempFile("ratelimit.toml", "[default]\ntype = \"tokenBucket\"\npermits = 1\nperiod = \"1h\"\n");
        using var governance = new ServerGovernance("http", "server.http", new() { RateLimitRules = rules.Path, MaxConcurrentCalls = 1, EnableShedding = false }, new ScriptedCpu(), TimeProvider.System, NullLogger.Instance, watchRules: false);

        Assert.True(governance.TryAdmit("GET./a", out var first, out _));
        governance.Release(first, passed: true);
        Assert.False(governance.TryAdmit("GET./a", out _, out var rejection));

        Assert.Equal(ServerResilienceMetrics.RateLimit, rejection.Reason);
        Assert.Equal(0, governance.Gate!.InFlight);
    }

    [Fact]
    public async Task SettleAsync_StandbyCallsOvertakenByANewerArrival_AreShedAndReleaseTheirConcurrencySlots()
    {
        var cpu = new ScriptedCpu();
        var backlog = 1L;
        using var governance = new ServerGovernance("grpc", "server.grpc", new() { MaxConcurrentCalls = 10 }, cpu, new SteppingTimeProvider(), NullLogger.Instance, watchRules: false, () => backlog);
        var shedder = governance.Shedder!;
        // No history yet: at CPU 1000 the flight limit is one call; the moving average is raised over it.
        for (var i = 0; i < 40; i++)
        {
            Assert.True(shedder.TryEnter(out _));
        }

        for (var i = 0; i < 40; i++)
        {
            shedder.Exit(0, passed: false);
        }

        cpu.Usage = 1000;

        Assert.True(governance.TryAdmit(Method, out var oldest, out _));
        Assert.True(governance.TryAdmit(Method, out var older, out _));
        backlog = 0;
        Assert.True(governance.TryAdmit(Method, out var newest, out _));
        Assert.NotNull(oldest.Standby);
        Assert.NotNull(older.Standby);
        Assert.Null(newest.Standby);
        Assert.Equal(3, governance.Gate!.InFlight);

        foreach (var standby in new[] { oldest, older })
        {
            var (admitted, _, rejection) = await governance.SettleAsync(Method, standby);
            Assert.False(admitted);
            Assert.Equal((AccessEvent.Shed, ServerResilienceMetrics.Shed), (rejection.Event, rejection.Reason));
        }

        Assert.Equal(1, governance.Gate.InFlight);
        governance.Release(newest, passed: true);
        Assert.Equal(0, governance.Gate.InFlight);
        Assert.Equal(0, shedder.Flying);
    }

    private static void Cycle(ServerGovernance governance, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (governance.TryAdmit(Method, out var admission, out _))
            {
                governance.Timeouts.TryGet(Method, out _);
                governance.Release(admission, passed: true);
            }
        }
    }
}
