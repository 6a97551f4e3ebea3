using Ego.Grpc.Tests.Support;
using Ego.Tests.Shared;

namespace Ego.Grpc.Tests.Interceptors;

/// <summary>A server (<c>server.grpc</c>) and a client (<c>grpc.test</c>) built from config, both logging to one capture.</summary>
internal sealed class ObservedGrpc : IAsyncDisposable
{
    private ObservedGrpc(GrpcServer server, GrpcClient client)
    {
        Server = server;
        Client = client;
    }

    public GrpcServer Server { get; }

    public GrpcClient Client { get; }

    public CallInvoker Invoker => Client.CallInvoker;

    /// <param name="settings">Extra config values, e.g. <c>("server:grpc:slowLogThreshold", "50ms")</c> or <c>("grpc:test:enableAccessInterceptor", "true")</c>.</param>
    public static Task<ObservedGrpc> StartAsync(AccessLogCapture capture, ServerServiceDefinition service, params (string Key, string Value)[] settings)
        => StartAsync(capture, service, _ => { }, settings);

    /// <param name="configureClient">Adds interceptors to the client before it is built.</param>
    public static async Task<ObservedGrpc> StartAsync(AccessLogCapture capture, ServerServiceDefinition service, Action<GrpcClientBuilder> configureClient, params (string Key, string Value)[] settings)
    {
        var serverBuilder = GrpcServer.Load(TestServer.Config([("server:grpc:host", "127.0.0.1"), ("server:grpc:port", "0"), .. settings]))
            .UseEnvironment(capture.Environment)
            .UseLoggerFactory(capture.LoggerFactory)
            .AddService(service);
        serverBuilder.DebugOutput = capture.DebugOutput;
        var server = serverBuilder.Build();
        await server.StartAsync(CancellationToken.None);
        var clientBuilder = GrpcClient.Load(TestServer.Config([("grpc:test:addr", server.Addresses[0]), ("grpc:test:readTimeout", "30s"), .. settings]), "grpc.test")
            .UseEnvironment(capture.Environment)
            .UseLoggerFactory(capture.LoggerFactory);
        clientBuilder.DebugOutput = capture.DebugOutput;
        configureClient(clientBuilder);
        return new ObservedGrpc(server, clientBuilder.Build());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
