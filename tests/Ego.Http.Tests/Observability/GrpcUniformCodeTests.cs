using Ego.Grpc;
using Ego.Http.Errors;
using Ego.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace Ego.Http.Tests.Observability;

/// <summary>The <c>ucode</c> of gRPC access lines must be the HTTP status of <see cref="HttpStatusMapping"/>.</summary>
public sealed class GrpcUniformCodeTests
{
    private static readonly Method<string, string> Fail = new(MethodType.Unary, "test.Codes", "Fail", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    [Fact]
    public async Task ServerAccessLine_EveryErrorCode_UcodeIsHttpStatusMapping()
    {
        using var capture = new AccessLogCapture();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["server:grpc:host"] = "127.0.0.1",
            ["server:grpc:port"] = "0",
        }).Build();
        var service = ServerServiceDefinition.CreateBuilder()
            .AddMethod(Fail, (request, _) => throw new RpcException(new Status(Enum.Parse<StatusCode>(request), "failed")))
            .Build();
        var codes = Enum.GetValues<StatusCode>().Where(c => c != StatusCode.OK).ToList();
        await using (var server = GrpcServer.Load(config).UseEnvironment(capture.Environment).UseLoggerFactory(capture.LoggerFactory).AddService(service).Build())
        {
            await server.StartAsync(CancellationToken.None);
            using var channel = GrpcChannel.ForAddress(server.Addresses[0]);
            var invoker = channel.CreateCallInvoker();
            foreach (var code in codes)
            {
                await Assert.ThrowsAsync<RpcException>(async () => await invoker.AsyncUnaryCall(Fail, null, new CallOptions(), code.ToString()));
            }
        }

        var lines = capture.AccessLines();
        Assert.Equal(codes.Count, lines.Count);
        foreach (var line in lines)
        {
            var code = (StatusCode)line.GetProperty("code").GetInt32();
            Assert.Equal((int)HttpStatusMapping.ToHttp(code), line.GetProperty("ucode").GetInt32());
        }
    }
}
