using Ego.Resilience.LoadShedding;
using Ego.Resilience.LoadShedding.Internal;
using Ego.Resilience.Tests.Support;

namespace Ego.Resilience.Tests.LoadShedding;

public sealed class CgroupCpuUsageSourceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "ego-cgroup-tests", Guid.NewGuid().ToString("N"));
    private readonly SteppingTimeProvider clock = new();

    [Fact]
    public void Detect_CgroupV2WithQuota_UsesQuotaCores()
    {
        WriteV2("50000 100000", usageMicroseconds: 0);

        var counter = CpuCounter.Detect(root);

        Assert.Equal("cgroup2", counter.Source);
        Assert.Equal(Math.Min(0.5, Environment.ProcessorCount), counter.Cores);
    }

    [Fact]
    public void Detect_CgroupV2WithoutQuota_FallsBackToTheProcess()
    {
        WriteV2("max 100000", usageMicroseconds: 0);

        var counter = CpuCounter.Detect(root);

        Assert.Equal("process", counter.Source);
        Assert.Equal(Environment.ProcessorCount, counter.Cores);
    }

    [Fact]
    public void Detect_CgroupV1WithQuota_ReadsCfsFilesAndCpuacct()
    {
        Write("sys/fs/cgroup/cpu/cpu.cfs_quota_us", "25000\n");
        Write("sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n");
        Write("sys/fs/cgroup/cpuacct/cpuacct.usage", "2500000000\n");

        var counter = CpuCounter.Detect(root);

        Assert.Equal("cgroup1", counter.Source);
        Assert.Equal(0.25, counter.Cores);
        Assert.Equal(TimeSpan.FromSeconds(2.5), counter.Used());
    }

    [Fact]
    public void Detect_ProcessCgroupPath_IsFollowed()
    {
        Write("proc/self/cgroup", "0::/kubepods/pod1/c1\n");
        Write("sys/fs/cgroup/kubepods/pod1/c1/cpu.max", "200000 100000\n");
        Write("sys/fs/cgroup/kubepods/pod1/c1/cpu.stat", "usage_usec 10\nuser_usec 5\n");

        var counter = CpuCounter.Detect(root);

        Assert.Equal("cgroup2", counter.Source);
        Assert.Equal(TimeSpan.FromMicroseconds(10), counter.Used());
    }

    [Fact]
    public void Usage_SampledEvery250ms_IsQuotaRelativeAndSmoothedWithBeta095()
    {
        WriteV2("50000 100000", usageMicroseconds: 0);
        using var source = new CgroupCpuUsageSource(CpuCounter.Detect(root), clock);

        // The whole half core for 250 ms: 125 ms of CPU, 100% of the quota.
        WriteV2("50000 100000", usageMicroseconds: 125_000);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(50, source.Usage);

        WriteV2("50000 100000", usageMicroseconds: 250_000);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(98, source.Usage);

        // Idle: the figure decays rather than dropping at once.
        clock.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(93, source.Usage);
    }

    [Fact]
    public void Usage_UnreadableSample_KeepsTheLastFigure()
    {
        WriteV2("50000 100000", usageMicroseconds: 0);
        using var source = new CgroupCpuUsageSource(CpuCounter.Detect(root), clock);
        WriteV2("50000 100000", usageMicroseconds: 125_000);
        clock.Advance(TimeSpan.FromMilliseconds(250));

        Write("sys/fs/cgroup/cpu.stat", "garbage\n");
        clock.Advance(TimeSpan.FromMilliseconds(250));

        Assert.Equal(50, source.Usage);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void WriteV2(string max, long usageMicroseconds)
    {
        Write("sys/fs/cgroup/cpu.max", max + "\n");
        Write("sys/fs/cgroup/cpu.stat", $"usage_usec {usageMicroseconds}\nuser_usec 0\nsystem_usec 0\n");
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
