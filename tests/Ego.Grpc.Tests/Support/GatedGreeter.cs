namespace Ego.Grpc.Tests.Support;

/// <summary>A greeter whose calls wait at the gate, to keep calls in flight during a stop.</summary>
internal sealed class GatedGreeter(CallGate gate) : Greeter.GreeterBase
{
    public override async Task<string> SayHello(string request, ServerCallContext context)
    {
        await gate.WaitAsync();
        return "hello " + request;
    }
}
