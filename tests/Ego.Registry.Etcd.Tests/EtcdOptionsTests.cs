using Ego.Components;

namespace Ego.Registry.Etcd.Tests;

public sealed class EtcdOptionsTests
{
    [Fact]
    public void Validate_OneAddress_NoError()
    {
        var options = new EtcdOptions { Addrs = ["127.0.0.1:2379", "http://etcd-1:2379"] };

        Assert.Empty(Errors(options));
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ReadTimeout);
    }

    [Fact]
    public void Validate_EveryValueWrong_OneErrorPerKey()
    {
        var options = new EtcdOptions { Addrs = ["etcd-without-port", "ftp://etcd:2379"], Password = "p", ConnectTimeout = TimeSpan.Zero, ReadTimeout = TimeSpan.FromSeconds(-1) };

        var errors = Errors(options);

        Assert.Equal(["addrs", "addrs", "password", "connectTimeout", "readTimeout"], errors.Select(e => e.Key));
        Assert.Contains("'etcd-without-port'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'ftp://etcd:2379'", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoAddress_ErrorShowsAnExample()
    {
        var error = Assert.Single(Errors(new EtcdOptions()));

        Assert.Equal("addrs", error.Key);
        Assert.Contains("127.0.0.1:2379", error.Message, StringComparison.Ordinal);
    }

    private static List<ComponentOptionError> Errors(EtcdOptions options)
    {
        var errors = new List<ComponentOptionError>();
        options.Validate(errors);
        return errors;
    }
}
