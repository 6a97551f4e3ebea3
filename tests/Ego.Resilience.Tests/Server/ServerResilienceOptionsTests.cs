using Ego.Components;
using Ego.Resilience.Server;

namespace Ego.Resilience.Tests.Server;

public sealed class ServerResilienceOptionsTests
{
    [Fact]
    public void Defaults_SheddingAndIsolationOn_LimitsOff()
    {
        var options = new ServerResilienceOptions();

        Assert.True(options.EnableShedding);
        Assert.Equal(900, options.SheddingCpuThreshold);
        Assert.True(options.EnableIsolation);
        Assert.True(options.EnableRateLimit);
        Assert.Equal("", options.RateLimitRules);
        Assert.Equal(0, options.MaxConcurrentCalls);
        Assert.Equal(TimeSpan.Zero, options.Timeout);
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEveryOneByKey()
    {
        var options = new ServerResilienceOptions
        {
            SheddingCpuThreshold = 90,
            MaxConcurrentCalls = -1,
            Timeout = TimeSpan.FromSeconds(-1),
            MethodTimeouts = { ["/pkg.Svc/Get"] = TimeSpan.Zero },
            RateLimitRules = "no/such/rules.toml",
            MaxRequestBodySize = -5,
        };
        options.SheddingCpuThreshold = 1000;

        var errors = Errors(options);

        Assert.Equal(["sheddingCpuThreshold", "maxConcurrentCalls", "timeout", "methodTimeouts./pkg.Svc/Get", "maxRequestBodySize", "rateLimitRules"], errors.Select(e => e.Key));
        Assert.Contains("e.g. 900 for 90%", errors[0].Message);
        Assert.Contains("'no/such/rules.toml' does not exist", errors[^1].Message);
    }

    private static List<ComponentOptionError> Errors(ServerResilienceOptions options)
    {
        var errors = new List<ComponentOptionError>();
        options.Validate(errors);
        return errors;
    }
}
