using Ego.Grpc;
using Ego.Resilience.Server;
using Ego.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace Ego.Resilience.Tests.Support;

/// <summary>A real gRPC server on 127.0.0.1 with the governance interceptor, serving <c>test.Governed</c>, and a client to it.</summary>
internal sealed class GovernedGrpc : IAsyncDisposable
{
    public static readonly Method<string, string> Get = new(MethodType.Unary, "test.Governed", "Get", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static readonly Method<string, string> Watch = new(MethodType.ServerStreaming, "test.Governed", "Watch", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    private GovernedGrpc(GrpcServer server, GrpcClient client, GrpcServerResilienceInterceptor interceptor)
    {
        Server = server;
        Client = client;
        Interceptor = interceptor;
    }

    public GrpcServer Server { get; }

    public GrpcClient Client { get; }

    public GrpcServerResilienceInterceptor Interceptor { get; }

    public static async Task<GovernedGrpc> StartAsync(AccessLogCapture capture, GrpcServerResilienceInterceptor interceptor, UnaryServerMethod<string, string>? get = null)
    {
        var service = ServerServiceDefinition.CreateBuilder()
            .AddMethod(Get, get ?? ((request, _) => Task.FromResult("got " + request)))
            .AddMethod(Watch, async (request, responses, context) => await responses.WriteAsync(request, context.CancellationToken))
            .Build();
        var server = GrpcServer.CreateBuilder(new GrpcServerOptions { Host = "127.0.0.1", Port = 0 })
            .UseEnvironment(capture.Environment)
            .UseLoggerFactory(capture.LoggerFactory)
            .AddService(service)
            .AddInterceptor(interceptor)
            .Build();
        await server.StartAsync(CancellationToken.None);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["grpc:test:addr"] = server.Addresses[0],
            ["grpc:test:readTimeout"] = "30s",
        }).Build();
        var client = GrpcClient.Load(config, "grpc.test").Build();
        return new GovernedGrpc(server, client, interceptor);
    }

    public Task<string> CallAsync(string request = "x", CallOptions options = default) =>
        Client.CallInvoker.AsyncUnaryCall(Get, null, options, request).ResponseAsync;

    public async Task<List<string>> WatchAsync(string request = "x")
    {
        using var call = Client.CallInvoker.AsyncServerStreamingCall(Watch, null, new CallOptions(), request);
        var received = new List<string>();
        await foreach (var item in call.ResponseStream.ReadAllAsync())
        {
            received.Add(item);
        }

        return received;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Interceptor.Dispose();
    }
}
