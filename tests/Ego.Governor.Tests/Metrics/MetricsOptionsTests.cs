using Ego.Components;
using Ego.Governor.Metrics;

namespace Ego.Governor.Tests.Metrics;

public sealed class MetricsOptionsTests
{
    [Fact]
    public void Validate_Defaults_ReportsNothing()
    {
        var errors = new List<ComponentOptionError>();

        new MetricsOptions().Validate(errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_EveryBadValue_IsReportedWithItsKey()
    {
        var errors = new List<ComponentOptionError>();

        new MetricsOptions { MeterPrefixes = ["Ego", " "], Meters = [""], MaxLabelSetsPerInstrument = -1 }.Validate(errors);

        Assert.Equal(["meterPrefixes[1]", "meters[0]", "maxLabelSetsPerInstrument"], errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData("Ego", true)]
    [InlineData("Ego.Runtime", true)]
    [InlineData("Egor.Shop", false)]
    [InlineData("Ego.Grpc.Server", true)]
    [InlineData("Microsoft.AspNetCore.Hosting", true)]
    [InlineData("Microsoft.AspNetCore.Routing", false)]
    [InlineData("System.Runtime", false)]
    public void Includes_MeterName_MatchesPrefixesAndExactNames(string meter, bool expected)
    {
        var options = new MetricsOptions { Meters = ["Microsoft.AspNetCore.Hosting"] };

        Assert.Equal(expected, options.Includes(meter));
    }
}
