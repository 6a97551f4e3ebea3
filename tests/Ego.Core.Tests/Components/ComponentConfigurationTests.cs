using Ego.Components;
using Ego.FailFast;
using Microsoft.Extensions.Configuration;

namespace Ego.Core.Tests.Components;

public sealed class ComponentConfigurationTests
{
    private static readonly CallerLocation Here = new("Program.cs", 12);

    [Fact]
    public void Bind_SectionAbsent_DefaultsApply()
    {
        var options = ComponentConfiguration.Bind<SampleOptions>(Config(), "redis.cache", Here, "redis").Options;

        Assert.Equal(("127.0.0.1:6379", 10, TimeSpan.FromSeconds(1)), (options.Addr, options.PoolSize, options.ReadTimeout));
    }

    [Fact]
    public void Bind_ValuesSet_OverrideDefaultsCaseInsensitively()
    {
        var configuration = Config(("redis:cache:ADDR", "10.0.0.1:6379"), ("redis:cache:readtimeout", "250ms"), ("redis:cache:tags:0", "a"));

        var options = ComponentConfiguration.Bind<SampleOptions>(configuration, "redis.cache", Here, "redis").Options;

        Assert.Equal("10.0.0.1:6379", options.Addr);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ReadTimeout);
        Assert.Equal(10, options.PoolSize);
        Assert.Equal(["a"], options.Tags);
    }

    [Fact]
    public void Bind_RequiredSectionAbsent_ErrorNamesKeyAndLocation()
    {
        var error = Assert.Throws<EgoStartupException>(() => ComponentConfiguration.Bind<SampleOptions>(Config(), "server.grpc", Here, "server.egrpc", required: true));

        Assert.Equal("server.grpc", error.Key);
        Assert.Equal("Program.cs:12", error.Location.ToString());
        Assert.Equal("server.grpc: invalid key, maybe not exist in config", error.Error);
    }

    [Fact]
    public void Bind_UnconvertibleValue_ErrorNamesDottedKeyAndValue()
    {
        var error = Assert.Throws<EgoStartupException>(() => ComponentConfiguration.Bind<SampleOptions>(Config(("redis:cache:poolSize", "ten")), "redis.cache", Here, "redis"));

        Assert.Contains("redis.cache.poolSize", error.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ten", error.Error);
    }

    [Fact]
    public void Bind_SeveralInvalidValues_AllReportedAtOnce()
    {
        var error = Assert.Throws<EgoStartupException>(() => ComponentConfiguration.Bind<SampleOptions>(Config(("redis:cache:poolSize", "0"), ("redis:cache:addr", " ")), "redis.cache", Here, "redis"));

        Assert.Contains("redis.cache.poolSize: 0 must be positive", error.Error);
        Assert.Contains("redis.cache.addr: expected host:port", error.Error);
    }

    [Fact]
    public void Bind_UnknownKeys_AreReported()
    {
        var binding = ComponentConfiguration.Bind<SampleOptions>(Config(("redis:cache:addr", "a:1"), ("redis:cache:poolsiz", "3")), "redis.cache", Here, "redis");

        Assert.Equal(["redis.cache.poolsiz"], binding.UnknownKeys);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
