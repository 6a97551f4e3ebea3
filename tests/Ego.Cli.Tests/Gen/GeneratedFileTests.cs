using Ego.Cli.Gen;

namespace Ego.Cli.Tests.Gen;

public sealed class GeneratedFileTests
{
    [Fact]
    public void IsUnedited_AsWritten_True() => Assert.True(GeneratedFile.IsUnedited(GeneratedFile.WithHeader("class A\n{\n}\n")));

    [Fact]
    public void IsUnedited_WindowsLineEnds_True()
        => Assert.True(GeneratedFile.IsUnedited(GeneratedFile.WithHeader("class A\n{\n}\n").Replace("\n", "\r\n", StringComparison.Ordinal)));

    [Fact]
    public void IsUnedited_BodyChanged_False()
        => Assert.False(GeneratedFile.IsUnedited(GeneratedFile.WithHeader("class A\n{\n}\n").Replace("class A", "class B", StringComparison.Ordinal)));

    [Fact]
    public void IsUnedited_NoHeader_False() => Assert.False(GeneratedFile.IsUnedited("class A\n{\n}\n"));
}
