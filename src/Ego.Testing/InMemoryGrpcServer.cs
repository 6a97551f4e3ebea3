using Ego.Grpc;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ego.Testing;

/// <summary>
/// A gRPC server running in memory, with no port, and a channel wired straight to it: a unit test starts a
/// service and calls it through the real protocol code (framing, metadata, status, deadlines) in milliseconds.
/// </summary>
/// <example>
/// <code>
/// await using var server = await InMemoryGrpcServer.StartAsync(b => b.AddService(new GreeterService()));
/// var reply = await server.CreateClient&lt;Greeter.GreeterClient&gt;().SayHelloAsync(new HelloRequest { Name = "ego" });
/// </code>
/// </example>
public sealed class InMemoryGrpcServer : IAsyncDisposable
{
    private readonly GrpcServer server;
    private readonly TestServer host;

    private InMemoryGrpcServer(GrpcServer server, TestServer host, GrpcChannel channel)
    {
        this.server = server;
        this.host = host;
        Channel = channel;
    }

    /// <summary>The channel to the server; every call goes through it in memory.</summary>
    public GrpcChannel Channel { get; }

    public CallInvoker CallInvoker => Channel.CreateCallInvoker();

    /// <summary>Builds a server with default options, lets <paramref name="configure"/> add services and interceptors, and starts it.</summary>
    public static Task<InMemoryGrpcServer> StartAsync(Action<GrpcServerBuilder> configure, GrpcServerOptions? options = null, GrpcChannelOptions? channelOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = GrpcServer.CreateBuilder(options ?? new GrpcServerOptions { Port = 0 }, "server.grpc.test");
        configure(builder);
        return StartAsync(builder.Build(), channelOptions, cancellationToken);
    }

    /// <summary>Starts an already built <paramref name="server"/> in memory instead of on its port.</summary>
    public static async Task<InMemoryGrpcServer> StartAsync(GrpcServer server, GrpcChannelOptions? channelOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var services = new ServiceCollection().BuildServiceProvider();
        var host = new TestServer(services, new FeatureCollection(), Options.Create(new TestServerOptions { AllowSynchronousIO = false, PreserveExecutionContext = false }));
        await ((IServer)host).StartAsync(server.Application, cancellationToken).ConfigureAwait(false);
        channelOptions ??= new GrpcChannelOptions();
        channelOptions.HttpHandler = host.CreateHandler();
        var channel = GrpcChannel.ForAddress("http://in-memory", channelOptions);
        return new InMemoryGrpcServer(server, host, channel);
    }

    /// <summary>A generated client (<c>XxxClient</c>) calling this server.</summary>
    public TClient CreateClient<TClient>()
        where TClient : ClientBase
        => (TClient)(Activator.CreateInstance(typeof(TClient), CallInvoker)
            ?? throw new InvalidOperationException($"{typeof(TClient)} has no constructor taking a CallInvoker"));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await ((IServer)host).StopAsync(CancellationToken.None).ConfigureAwait(false);
        host.Dispose();
        await server.DisposeAsync().ConfigureAwait(false);
    }
}
