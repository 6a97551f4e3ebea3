using Ego.Grpc;
using Ego.Resilience.Client;
using Microsoft.Extensions.Configuration;

namespace Ego.Resilience.Tests.Client.Support;

/// <summary>A real Ego gRPC server on 127.0.0.1 (ephemeral port) serving <see cref="EchoMethods"/> with the given handlers.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly GrpcServer server;

    private EchoServer(GrpcServer server) => this.server = server;

    public string Address => server.Addresses[0];

    public static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    public static async Task<EchoServer> StartAsync(UnaryServerMethod<string, string> unary, ServerStreamingServerMethod<string, string>? streaming = null)
    {
        var builder = GrpcServer.Load(Config(("server:grpc:host", "127.0.0.1"), ("server:grpc:port", "0")));
        builder.AddService(ServerServiceDefinition.CreateBuilder()
            .AddMethod(EchoMethods.Unary, unary)
            .AddMethod(EchoMethods.ServerStreaming, streaming ?? ((_, _, _) => Task.CompletedTask))
            .Build());
        var server = builder.Build();
        await server.StartAsync(CancellationToken.None);
        return new EchoServer(server);
    }

    /// <summary>A client of this server built from <c>grpc.user</c> keys plus <paramref name="settings"/>, governed by them.</summary>
    public GrpcClient CreateClient(params (string Key, string Value)[] settings)
    {
        var config = Config([("grpc:user:addr", Address), ("grpc:user:readTimeout", "10s"), .. settings]);
        return GrpcClient.Load(config, "grpc.user").AddEgoResilience(config).Build();
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
