using Ego.FailFast;
using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests.Interceptors;

public sealed class ObservabilityOptionsTests
{
    [Fact]
    public void Defaults_AreEgos()
    {
        var server = new GrpcServerOptions();
        var client = new GrpcClientOptions();

        Assert.True(server.EnableAccessInterceptor);
        Assert.False(server.EnableAccessInterceptorReq);
        Assert.False(server.EnableAccessInterceptorRes);
        Assert.Equal(4096, server.AccessInterceptorReqMaxLength);
        Assert.Equal(TimeSpan.FromMilliseconds(500), server.SlowLogThreshold);
        Assert.True(server.EnableMetricInterceptor);
        Assert.True(server.EnableSkipHealthLog);
        Assert.False(client.EnableAccessInterceptor);
        Assert.Equal(TimeSpan.FromMilliseconds(600), client.SlowLogThreshold);
        Assert.True(client.EnableMetricInterceptor);
        Assert.True(client.EnableAppNameInterceptor);
    }

    [Fact]
    public void Load_ObservabilityKeysFromConfig_AreBound()
    {
        var config = TestServer.Config(("server:grpc:enableAccessInterceptor", "false"), ("server:grpc:slowLogThreshold", "2s"), ("server:grpc:enableAccessInterceptorReq", "true"));

        var options = GrpcServer.Load(config).Options;

        Assert.False(options.EnableAccessInterceptor);
        Assert.True(options.EnableAccessInterceptorReq);
        Assert.Equal(TimeSpan.FromSeconds(2), options.SlowLogThreshold);
    }

    [Fact]
    public void Load_InvalidLengths_ReportsEachKey()
    {
        var config = TestServer.Config(("grpc:user:addr", "127.0.0.1:1"), ("grpc:user:accessInterceptorReqMaxLength", "0"), ("grpc:user:accessInterceptorResMaxLength", "-5"));

        var error = Assert.Throws<EgoStartupException>(() => GrpcClient.Load(config, "grpc.user"));

        Assert.Contains("grpc.user.accessInterceptorReqMaxLength", error.Error);
        Assert.Contains("grpc.user.accessInterceptorResMaxLength", error.Error);
    }
}
