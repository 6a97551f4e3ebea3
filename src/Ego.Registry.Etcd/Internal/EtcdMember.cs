using Ego.Grpc;
using Ego.Registry.Etcd.Protocol;

namespace Ego.Registry.Etcd.Internal;

/// <summary>One etcd member: its channel, the typed clients over it and the auth token it issued (simple tokens are per member).</summary>
internal sealed class EtcdMember : IDisposable
{
    private readonly GrpcChannel channel;

    public EtcdMember(string address, GrpcChannelOptions options)
    {
        Address = address;
        channel = GrpcChannel.ForAddress(address, options);
        var invoker = channel.CreateCallInvoker();
        Kv = new KV.KVClient(invoker);
        Lease = new Lease.LeaseClient(invoker);
        Watch = new Watch.WatchClient(invoker);
        Auth = new Auth.AuthClient(invoker);
    }

    public string Address { get; }

    public KV.KVClient Kv { get; }

    public Lease.LeaseClient Lease { get; }

    public Watch.WatchClient Watch { get; }

    public Auth.AuthClient Auth { get; }

    /// <summary>The token of the authenticated user on this member; null before authenticating or once rejected.</summary>
    public string? Token { get; set; }

    public void Dispose() => channel.Dispose();
}
