using Ego.Tests.Shared;

namespace Ego.Grpc.Interop.Tests;

/// <summary>The grpc-js interop client, every case, against our server.</summary>
public sealed class GrpcJsClientAgainstEgoServerTests(EgoServerFixture server) : IClassFixture<EgoServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropPrograms.Cases), MemberType = typeof(InteropPrograms))]
    public async Task InteropCase_GrpcJsClientToEgoServer_Passes(string testCase)
    {
        InteropPrograms.RequireNodeModules();

        var (code, output) = await ChildProcess.RunAsync(
            "node",
            ["interop_client.js", "--server_host=127.0.0.1", $"--server_port={server.Port}", $"--test_case={testCase}", "--use_tls=false"],
            InteropPrograms.NodeDirectory);

        Assert.True(code == 0, $"exit code {code}: {output}");
        Assert.Contains($"PASS {testCase}", output);
    }
}
