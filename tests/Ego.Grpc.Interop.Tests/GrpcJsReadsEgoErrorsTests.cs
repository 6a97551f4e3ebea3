using System.Text.Json;
using Ego.Tests.Shared;

namespace Ego.Grpc.Interop.Tests;

/// <summary>A grpc-js client reads the reason and metadata of an Ego.NET error from grpc-status-details-bin.</summary>
public sealed class GrpcJsReadsEgoErrorsTests(EgoServerFixture server) : IClassFixture<EgoServerFixture>
{
    [Fact]
    public async Task GrpcJsClient_EgoError_DecodesStatusWithErrorInfo()
    {
        InteropPrograms.RequireNodeModules();

        var (code, output) = await ChildProcess.RunAsync(
            "node",
            ["error_details_client.js", $"--server_port={server.Port}", "--code=5", "--reason=user.v1.USER_ERR_NOT_FOUND", "--message=user 42 not found ☺", "--metadata=id=42,region=eu"],
            InteropPrograms.NodeDirectory);

        Assert.True(code == 0, $"exit code {code}: {output}");
        var error = JsonDocument.Parse(output).RootElement;
        Assert.Equal(5, error.GetProperty("code").GetInt32());
        Assert.Equal(5, error.GetProperty("statusCode").GetInt32());
        Assert.Equal("user 42 not found ☺", error.GetProperty("message").GetString());
        Assert.Equal("user.v1.USER_ERR_NOT_FOUND", error.GetProperty("reason").GetString());
        Assert.Equal("42", error.GetProperty("metadata").GetProperty("id").GetString());
        Assert.Equal("eu", error.GetProperty("metadata").GetProperty("region").GetString());
    }
}
