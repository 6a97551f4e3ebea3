using Ego.Components;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdRegistryOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrorAndEgoLayout()
    {
        var options = new EtcdRegistryOptions();

        Assert.Empty(Errors(options));
        Assert.Equal("ego", options.Prefix);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ServiceTTL);
    }

    [Fact]
    public void Validate_EveryValueWrong_OneErrorPerKey()
    {
        var options = new EtcdRegistryOptions { Prefix = "a/b", ServiceTTL = TimeSpan.FromMilliseconds(500), ReadTimeout = TimeSpan.Zero };

        Assert.Equal(["prefix", "serviceTTL", "readTimeout"], Errors(options).Select(e => e.Key));
    }

    private static List<ComponentOptionError> Errors(EtcdRegistryOptions options)
    {
        var errors = new List<ComponentOptionError>();
        options.Validate(errors);
        return errors;
    }
}
