namespace Ego.Grpc.Tests.Support;

/// <summary>A DI-activated service with a per-call dependency; "boom" makes it throw before returning a task.</summary>
internal sealed class ScopedGreeter(CallScopeProbe probe) : Greeter.GreeterBase
{
    public override Task<string> SayHello(string request, ServerCallContext context)
    {
        probe.Used = true;
        if (request == "boom")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "boom is not a name"));
        }

        return Task.FromResult($"hello {request}");
    }
}
