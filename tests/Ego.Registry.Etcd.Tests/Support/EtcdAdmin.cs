using Ego.Grpc;
using Ego.Registry.Etcd.Tests.Admin;

namespace Ego.Registry.Etcd.Tests.Support;

/// <summary>etcd administration through the tests' own protos: authentication and compaction.</summary>
internal static class EtcdAdmin
{
    /// <summary>Creates <paramref name="user"/> with the root role and turns authentication on.</summary>
    public static async Task EnableAuthAsync(string endpoint, string user, string password)
    {
        using var channel = GrpcChannel.ForAddress(endpoint);
        var auth = new Auth.AuthClient(channel.CreateCallInvoker());
        await auth.RoleAddAsync(new AuthRoleAddRequest { Name = "root" });
        await auth.UserAddAsync(new AuthUserAddRequest { Name = user, Password = password });
        await auth.UserGrantRoleAsync(new AuthUserGrantRoleRequest { User = user, Role = "root" });
        await auth.AuthEnableAsync(new AuthEnableRequest());
    }

    /// <summary>Drops the history before <paramref name="revision"/>.</summary>
    public static async Task CompactAsync(string endpoint, long revision)
    {
        using var channel = GrpcChannel.ForAddress(endpoint);
        await new KV.KVClient(channel.CreateCallInvoker()).CompactAsync(new CompactionRequest { Revision = revision, Physical = true });
    }
}
