using Ego.Tests.Shared;

namespace Ego.Grpc.Interop.Tests;

/// <summary>A grpc-js interop server on 127.0.0.1, shared by the tests of our client.</summary>
public sealed class GrpcJsServerFixture : IAsyncLifetime
{
    private ChildProcess? server;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        InteropPrograms.RequireNodeModules();
        (server, Port) = await InteropPrograms.StartServerAsync("node", ["interop_server.js", "--port=0", "--use_tls=false"], InteropPrograms.NodeDirectory);
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.TerminateAsync();
            await server.DisposeAsync();
        }
    }
}
