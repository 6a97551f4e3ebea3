using Ego.Grpc;

namespace Ego.Grpc.Tests.Support;

/// <summary>Handlers of <c>test.Echo</c>: each echoes its input so tests can see what arrived.</summary>
internal static class EchoService
{
    public static ServerServiceDefinition Create(
        UnaryServerMethod<string, string>? unary = null,
        ServerStreamingServerMethod<string, string>? serverStreaming = null,
        ClientStreamingServerMethod<string, string>? clientStreaming = null,
        DuplexStreamingServerMethod<string, string>? duplex = null)
        => ServerServiceDefinition.CreateBuilder()
            .AddMethod(TestMethods.Unary, unary ?? ((request, _) => Task.FromResult(request)))
            .AddMethod(TestMethods.ServerStreaming, serverStreaming ?? ServerStreamingEcho)
            .AddMethod(TestMethods.ClientStreaming, clientStreaming ?? ClientStreamingEcho)
            .AddMethod(TestMethods.Duplex, duplex ?? DuplexEcho)
            .Build();

    /// <summary>Sends the request's characters one message each.</summary>
    private static async Task ServerStreamingEcho(string request, IServerStreamWriter<string> responses, ServerCallContext context)
    {
        foreach (var c in request)
        {
            await responses.WriteAsync(c.ToString(), context.CancellationToken);
        }
    }

    /// <summary>Joins the requests with '+'.</summary>
    private static async Task<string> ClientStreamingEcho(IAsyncStreamReader<string> requests, ServerCallContext context)
    {
        var all = new List<string>();
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            all.Add(request);
        }

        return string.Join("+", all);
    }

    private static async Task DuplexEcho(IAsyncStreamReader<string> requests, IServerStreamWriter<string> responses, ServerCallContext context)
    {
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            await responses.WriteAsync("echo:" + request, context.CancellationToken);
        }
    }
}
