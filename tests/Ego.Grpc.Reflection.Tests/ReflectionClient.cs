using Ego.Grpc.Reflection.V1;
using Google.Protobuf.Reflection;

namespace Ego.Grpc.Reflection.Tests;

/// <summary>Asks reflection questions one at a time over a single ServerReflectionInfo stream, as grpcurl does.</summary>
internal static class ReflectionClient
{
    public static async Task<List<ServerReflectionResponse>> AskAsync(CallInvoker invoker, params ServerReflectionRequest[] requests)
    {
        using var call = new ServerReflection.ServerReflectionClient(invoker).ServerReflectionInfo();
        var responses = new List<ServerReflectionResponse>();
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            responses.Add(call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        return responses;
    }

    public static List<string> FileNames(ServerReflectionResponse response)
        => response.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToList();
}
