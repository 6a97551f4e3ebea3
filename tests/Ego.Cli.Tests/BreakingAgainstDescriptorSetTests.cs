using Ego.Tests.Shared;

namespace Ego.Cli.Tests;

public sealed class BreakingAgainstDescriptorSetTests : IDisposable
{
    private const string OrderPath = "shop/order/v1/order.proto";

    private readonly ProtoFiles files = new();

    public void Dispose() => files.Dispose();

    private string Protos => Path.Combine(files.Root, "protos");

    [Fact]
    public async Task Breaking_AgainstDescriptorSetOfTheSameProtos_Exits0WithoutOutput()
    {
        var release = Release();

        var (code, output, error) = await Egoctl.RunAsync("proto", "breaking", Protos, "--against", release);

        Assert.Equal("", output + error);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Breaking_AgainstDescriptorSet_ReportsChangesAtTheSourcePathsAndExits1()
    {
        var release = Release();
        var source = files.Write("protos/" + OrderPath, ProtoFiles.Good
            .Replace("returns (Order);", "returns (stream Order);", StringComparison.Ordinal)
            .Replace("  // The amount in cents.\n  int64 amount = 2;\n", "", StringComparison.Ordinal));

        var (code, output, _) = await Egoctl.RunAsync("proto", "breaking", Protos, "--against", release);

        Assert.Equal(1, code);
        Assert.Contains($"{source}:8:3 RPC_SERVER_STREAMING_CHANGED", output);
        Assert.Contains($"{source}:22:3 FIELD_REMOVED field 2 \"amount\" on message \"shop.order.v1.Order\" was removed", output);
    }

    [Fact]
    public async Task Breaking_AgainstFileThatIsNotADescriptorSet_Exits2Explaining()
    {
        var notes = files.Write("notes.txt", "release 1.4: added orders\n");

        var (code, _, error) = await Egoctl.RunAsync("proto", "breaking", files.Write("protos/" + OrderPath, ProtoFiles.Good), "--against", notes);

        Assert.Equal(2, code);
        Assert.Contains($"egoctl: --against: '{notes}' is not a descriptor set", error);
        Assert.Contains("--against takes a directory, a descriptor set file or a git ref", error);
    }

    /// <summary>The released protos compiled the way a release pipeline does it.</summary>
    private string Release()
    {
        files.Write("protos/" + OrderPath, ProtoFiles.Good);
        var release = Path.Combine(files.Root, "release.pb");
        Protoc.WriteDescriptorSet(Protos, [OrderPath], release);
        return release;
    }
}
