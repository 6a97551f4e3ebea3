using Ego.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Core.Tests.Components;

public sealed class ComponentOptionsMonitorTests
{
    [Fact]
    public void Reload_ValidValue_BecomesCurrentAndNotifies()
    {
        var (root, memory) = Config(("redis:cache:poolSize", "10"));
        using var monitor = Monitor(root);
        SampleOptions? notified = null;
        using var subscription = monitor.OnChange((options, _) => notified = options);

        memory.Set("redis:cache:poolSize", "20");
        root.Reload();

        Assert.Equal(20, monitor.CurrentValue.PoolSize);
        Assert.Same(monitor.CurrentValue, notified);
    }

    [Fact]
    public void Reload_InvalidValue_KeepsLastGoodOptions()
    {
        var (root, memory) = Config(("redis:cache:poolSize", "10"));
        using var monitor = Monitor(root);
        var before = monitor.CurrentValue;
        var notified = false;
        using var subscription = monitor.OnChange((_, _) => notified = true);

        memory.Set("redis:cache:poolSize", "-1");
        root.Reload();
        memory.Set("redis:cache:poolSize", "many");
        root.Reload();

        Assert.Same(before, monitor.CurrentValue);
        Assert.False(notified);
    }

    [Fact]
    public void Reload_Valid_UpdatesRegistry()
    {
        var (root, memory) = Config(("redis:cache:poolSize", "10"));
        var registry = new ComponentRegistry();
        using var monitor = Monitor(root, registry);

        memory.Set("redis:cache:poolSize", "30");
        root.Reload();

        var options = Assert.IsType<SampleOptions>(Assert.Single(registry.Snapshot()).Value);
        Assert.Equal(30, options.PoolSize);
    }

    private static ComponentOptionsMonitor<SampleOptions> Monitor(IConfiguration root, ComponentRegistry? registry = null)
    {
        var initial = ComponentConfiguration.Bind<SampleOptions>(root, "redis.cache", CallerLocation.Unknown, "redis").Options;
        return new ComponentOptionsMonitor<SampleOptions>(root, "redis.cache", initial, CallerLocation.Unknown, NullLogger.Instance, registry);
    }

    private static (IConfigurationRoot Root, MemoryConfigurationProvider Memory) Config(params (string Key, string Value)[] values)
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
        return (root, root.Providers.OfType<MemoryConfigurationProvider>().Single());
    }
}
