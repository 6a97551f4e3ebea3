using System.Net;
using System.Net.Sockets;

namespace Ego.Grpc.Tests.Support;

internal static class TestPorts
{
    /// <summary>A port nothing listens on: bound once, then released.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
