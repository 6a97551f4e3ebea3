using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

public sealed class GrpcClientDuplexFailureTests
{
    [Theory]
    [InlineData("0s")]
    [InlineData("30s")]
    public async Task MoveNext_ServerFailsBeforeRequestStreamEnds_ThrowsTheServersStatus(string readTimeout)
    {
        await using var server = await TestServer.StartAsync(b => b.AddService(EchoService.Create(
            duplex: (_, _, _) => throw new RpcException(new Status(StatusCode.FailedPrecondition, "no")))));
        var config = TestServer.Config(("grpc:user:addr", server.Address), ("grpc:user:readTimeout", readTimeout));
        using var client = GrpcClient.Load(config, "grpc.user").Build();

        using var call = client.CallInvoker.AsyncDuplexStreamingCall(TestMethods.Duplex, null, default);
        await call.RequestStream.WriteAsync("a");
        var move = call.ResponseStream.MoveNext(CancellationToken.None);

        var error = await Assert.ThrowsAsync<RpcException>(() => move.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }
}
