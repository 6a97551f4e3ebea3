using Ego.Registry.Kubernetes.Internal;
using Ego.Registry.Kubernetes.Tests.Fakes;

namespace Ego.Registry.Kubernetes.Tests;

public sealed class TokenSourceTests
{
    [Fact]
    public void Current_TokenFileRotated_ReadsItAgainOnlyAfterRefreshInterval()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "first\n");
            var clock = new SettableClock();
            var tokens = new TokenSource(null, file, TimeSpan.FromMinutes(1), clock);
            Assert.Equal("first", tokens.Current());

            File.WriteAllText(file, "second");
            clock.Advance(TimeSpan.FromSeconds(59));
            Assert.Equal("first", tokens.Current());

            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("second", tokens.Current());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Current_TokenFileGoneAfterFirstRead_KeepsPreviousToken()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "first");
        var clock = new SettableClock();
        var tokens = new TokenSource(null, file, TimeSpan.FromMinutes(1), clock);
        Assert.Equal("first", tokens.Current());

        File.Delete(file);
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("first", tokens.Current());
    }

    [Fact]
    public void Current_FixedToken_ReturnsIt()
    {
        Assert.Equal("abc", new TokenSource("abc", null, TimeSpan.FromMinutes(1), TimeProvider.System).Current());
        Assert.Null(new TokenSource("", "", TimeSpan.FromMinutes(1), TimeProvider.System).Current());
    }
}
