using Ego.Tests.Shared;

namespace Ego.Grpc.Interop.Tests;

/// <summary>Our interop client, every case, against a grpc-js server.</summary>
public sealed class EgoClientAgainstGrpcJsServerTests(GrpcJsServerFixture server) : IClassFixture<GrpcJsServerFixture>
{
    [Theory]
    [MemberData(nameof(InteropPrograms.Cases), MemberType = typeof(InteropPrograms))]
    public async Task InteropCase_EgoClientToGrpcJsServer_Passes(string testCase)
    {
        var (code, output) = await ChildProcess.RunAsync(
            "dotnet",
            [InteropPrograms.EgoProgram("Ego.Grpc.Interop.Client"), "--server_host=127.0.0.1", $"--server_port={server.Port}", $"--test_case={testCase}", "--use_tls=false"]);

        Assert.True(code == 0, $"exit code {code}: {output}");
        Assert.Contains($"PASS {testCase}", output);
    }
}
