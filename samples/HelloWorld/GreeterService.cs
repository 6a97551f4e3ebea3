using Ego.Grpc;
using HelloWorld.Grpc;

namespace HelloWorld;

/// <summary>The greeter over gRPC, counting greetings in the same store as the HTTP endpoint.</summary>
public sealed class GreeterService(GreetingStore store) : Greeter.GreeterBase
{
    public override async Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "name is required: expected a non-empty name"));
        }

        var count = await store.GreetAsync(request.Name, context.CancellationToken);
        return new HelloReply { Message = $"Hello {request.Name} (greeted {count} times)" };
    }
}
