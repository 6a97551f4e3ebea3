using Ego.Grpc.Tests.Support;
using Ego.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Grpc.Tests;

public sealed class GrpcClientServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> Environment = new() { ["EGO_LOG_PATH"] = Path.Combine(Path.GetTempPath(), "ego-tests-logs") };

    [Fact]
    public async Task AddEgoGrpcClient_ServerUnreachable_ApplicationFailsFastAtStart()
    {
        var address = $"127.0.0.1:{TestPorts.Closed()}";
        var builder = EgoApplication.CreateBuilder([$"--grpc.user.addr={address}", "--grpc.user.dialTimeout=2s"], Environment);
        builder.Services.AddEgoGrpcClient<Greeter.GreeterClient>("grpc.user");
        await using var app = builder.Build();
        var error = new StringWriter();
        app.Error = error;

        var code = await app.RunAsync();

        Assert.Equal(1, code);
        Assert.Contains("msg: dial grpc server failed", error.ToString());
        Assert.Contains("key: grpc.user", error.ToString());
        Assert.Contains(address, error.ToString());
    }

    [Fact]
    public async Task AddEgoGrpcClient_TypedClient_CallsTheConfiguredServer()
    {
        await using var server = await TestServer.StartAsync(b => b.AddService(new GreeterImpl(new Counter())));
        var builder = EgoApplication.CreateBuilder([$"--grpc.user.addr={server.Address}"], Environment);
        builder.Services.AddEgoGrpcClient<Greeter.GreeterClient>("grpc.user");
        await using var app = builder.Build();
        await app.StartAsync();

        var reply = await app.Services.GetRequiredService<Greeter.GreeterClient>().SayHello("ego");
        await app.StopAsync();

        Assert.StartsWith("hello ego #", reply);
    }
}
