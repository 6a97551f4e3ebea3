using Ego.Grpc;
using Microsoft.Extensions.Configuration;

namespace Ego.Grpc.Tests.Support;

/// <summary>A real <see cref="GrpcServer"/> on 127.0.0.1 with an ephemeral port, and a channel to it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private TestServer(GrpcServer server, GrpcChannel channel)
    {
        Server = server;
        Channel = channel;
        Invoker = channel.CreateCallInvoker();
    }

    public GrpcServer Server { get; }

    public GrpcChannel Channel { get; }

    public CallInvoker Invoker { get; }

    public string Address => Server.Addresses[0];

    public static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    public static async Task<TestServer> StartAsync(Action<GrpcServerBuilder> configure, GrpcChannelOptions? channelOptions = null, params (string Key, string Value)[] settings)
    {
        var config = Config([("server:grpc:host", "127.0.0.1"), ("server:grpc:port", "0"), .. settings]);
        var builder = GrpcServer.Load(config);
        configure(builder);
        var server = builder.Build();
        await server.StartAsync(CancellationToken.None);
        return new TestServer(server, GrpcChannel.ForAddress(server.Addresses[0], channelOptions));
    }

    /// <summary>An HTTP/2 (h2c) client for sending hand-made requests.</summary>
    public HttpClient CreateRawClient() => new(new SocketsHttpHandler())
    {
        BaseAddress = new Uri("http://" + Address),
        DefaultRequestVersion = System.Net.HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(15),
    };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Server.DisposeAsync();
    }
}
