using Ego.Grpc.Tests.Support;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Tests.Interceptors;

public sealed class GrpcDependencyInjectionTests
{
    [Fact]
    public async Task AddEgoGrpcClient_ApplicationName_SentAsAppMetadata()
    {
        string? seenApp = null;
        await using var server = await TestServer.StartAsync(b => b.AddService(EchoService.Create(unary: (request, context) =>
        {
            seenApp = context.RequestHeaders.GetValue("app");
            return Task.FromResult(request);
        })));
        var environment = new Dictionary<string, string?>
        {
            ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs"),
            ["EGO_NAME"] = "order-svc",
        };
        var builder = EgoApplication.CreateBuilder([$"--grpc.user.addr={server.Address}"], environment);
        builder.Services.AddEgoGrpcClient("grpc.user");
        await using var app = builder.Build();
        await app.StartAsync();

        await app.Services.GetRequiredKeyedService<GrpcClient>("grpc.user").CallInvoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "x");
        await app.StopAsync();

        Assert.Equal("order-svc", seenApp);
    }
}
