namespace Ego.Grpc.Tests.Support;

/// <summary>A service implementation resolved from DI.</summary>
internal sealed class GreeterImpl(Counter counter) : Greeter.GreeterBase
{
    public override Task<string> SayHello(string request, ServerCallContext context) => Task.FromResult($"hello {request} #{counter.Next()}");
}
