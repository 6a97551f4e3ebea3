namespace Ego.Grpc.Generator.Tests;

public sealed class GeneratorOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Parse_NoParameter_GeneratesServerAndClient(string? parameter)
    {
        var options = GeneratorOptions.Parse(parameter, out var errors);

        Assert.Empty(errors);
        Assert.True(options.GenerateServer);
        Assert.True(options.GenerateClient);
        Assert.False(options.InternalAccess);
        Assert.True(options.GenerateErrors);
    }

    [Fact]
    public void Parse_AllKnownParameters_SetsEveryFlag()
    {
        var options = GeneratorOptions.Parse("no_server, no_client,internal_access,no_errors", out var errors);

        Assert.Empty(errors);
        Assert.False(options.GenerateServer);
        Assert.False(options.GenerateClient);
        Assert.True(options.InternalAccess);
        Assert.False(options.GenerateErrors);
    }

    [Fact]
    public void Parse_UnknownParameters_ReportsEachByName()
    {
        GeneratorOptions.Parse("no_client,lite_client,base_namespace=X", out var errors);

        Assert.Collection(
            errors,
            e => Assert.Contains("'lite_client'", e),
            e => Assert.Contains("'base_namespace=X'", e));
        Assert.All(errors, e => Assert.Contains("no_server, no_client, internal_access, no_errors", e));
    }
}
