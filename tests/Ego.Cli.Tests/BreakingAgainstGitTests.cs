using Ego.Tests.Shared;

namespace Ego.Cli.Tests;

public sealed class BreakingAgainstGitTests : IDisposable
{
    private readonly ProtoFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Breaking_AgainstGitRef_ComparesWithTheCommittedVersion()
    {
        files.Write("protos/order.proto", ProtoFiles.Good);
        await GitAsync("init", "-q");
        await GitAsync("add", ".");
        await GitAsync("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "v1");
        files.Write("protos/order.proto", ProtoFiles.Good.Replace("rpc GetOrder(GetOrderRequest) returns (Order);", "rpc GetOrder(GetOrderRequest) returns (stream Order);"));

        var egoctl = Path.Combine(AppContext.BaseDirectory, "egoctl.dll");
        var (code, output) = await ChildProcess.RunAsync("dotnet", [egoctl, "proto", "breaking", "protos", "--against", "HEAD"], files.Root);

        Assert.Equal(1, code);
        Assert.Contains("protos/order.proto:8:", output);
        Assert.Contains("RPC_SERVER_STREAMING_CHANGED", output);
    }

    [Fact]
    public async Task Breaking_AgainstUnknownRef_Exits2Explaining()
    {
        files.Write("protos/order.proto", ProtoFiles.Good);
        await GitAsync("init", "-q");

        var egoctl = Path.Combine(AppContext.BaseDirectory, "egoctl.dll");
        var (code, output) = await ChildProcess.RunAsync("dotnet", [egoctl, "proto", "breaking", "protos", "--against", "no-such-branch"], files.Root);

        Assert.Equal(2, code);
        Assert.Contains("--against: not a directory, and git ls-tree failed", output);
    }

    private async Task GitAsync(params string[] args)
    {
        var (code, output) = await ChildProcess.RunAsync("git", args, files.Root);
        Assert.True(code == 0, $"git {string.Join(' ', args)}: {output}");
    }
}
