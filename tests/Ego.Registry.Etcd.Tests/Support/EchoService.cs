using Ego.Grpc;
using Ego.Registry.Etcd.Tests.Echo;

namespace Ego.Registry.Etcd.Tests.Support;

/// <summary>Answers with the instance's name, so a test sees which instance served a call.</summary>
internal sealed class EchoService(InstanceName name) : Echo.Echo.EchoBase
{
    public override Task<WhoReply> Who(WhoRequest request, ServerCallContext context) => Task.FromResult(new WhoReply { Instance = name.Value });
}
