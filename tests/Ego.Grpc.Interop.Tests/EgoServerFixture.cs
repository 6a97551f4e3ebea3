using Ego.Tests.Shared;

namespace Ego.Grpc.Interop.Tests;

/// <summary>Our interop server on 127.0.0.1, shared by the tests of the grpc-js client.</summary>
public sealed class EgoServerFixture : IAsyncLifetime
{
    private ChildProcess? server;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        (server, Port) = await InteropPrograms.StartServerAsync("dotnet", [InteropPrograms.EgoProgram("Ego.Grpc.Interop.Server"), "--port=0", "--use_tls=false"], ChildProcess.RepositoryRoot());
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
