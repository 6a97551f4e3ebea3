using System.Net.Sockets;
using Ego.Grpc.Tests.Support;

namespace Ego.Grpc.Tests;

/// <summary>A connection that is open but has not sent its first request yet must not be closed by the server.</summary>
public sealed class IdleConnectionTests
{
    private const byte GoAwayFrame = 0x7;

    [Fact]
    public async Task NewConnection_IdleBeforeFirstRequest_ServerDoesNotSendGoAway()
    {
        await using var test = await TestServer.StartAsync(b => b.AddService(EchoService.Create()));
        var port = int.Parse(test.Address[(test.Address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();

        // The client preface and an empty SETTINGS frame, then nothing for longer than two server heartbeats.
        await stream.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray());
        await stream.WriteAsync(new byte[] { 0, 0, 0, 0x4, 0, 0, 0, 0, 0 });
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var frameTypes = await ReadFrameTypesAsync(stream, TimeSpan.FromMilliseconds(500));

        Assert.DoesNotContain(GoAwayFrame, frameTypes);
        Assert.Contains((byte)0x4, frameTypes);
    }

    private static async Task<List<byte>> ReadFrameTypesAsync(NetworkStream stream, TimeSpan quiet)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            using var timeout = new CancellationTokenSource(quiet);
            int read;
            try
            {
                read = await stream.ReadAsync(chunk, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        var types = new List<byte>();
        for (var offset = 0; offset + 9 <= buffer.Count;)
        {
            var length = (buffer[offset] << 16) | (buffer[offset + 1] << 8) | buffer[offset + 2];
            types.Add(buffer[offset + 3]);
            offset += 9 + length;
        }

        return types;
    }
}
