using Ego.Grpc;
using Ego.Registry.Etcd.Internal;
using Ego.Registry.Etcd.Protocol;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ego.Registry.Etcd;

/// <summary>
/// An etcd v3 client over Ego.Grpc: key-value, leases, watches and optional user authentication. Calls go to one member
/// at a time and move to the next on UNAVAILABLE (member down, connection refused), so one live member is enough.
/// </summary>
public sealed partial class EtcdClient : IDisposable
{
    private readonly EtcdMember[] members;
    private readonly TimeProvider timeProvider;
    private int current;

    public EtcdClient(EtcdOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<Ego.Components.ComponentOptionError>();
        options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid etcd options: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Message}")), nameof(options));
        }

        Options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Ego.Registry.Etcd");
        var channelOptions = new GrpcChannelOptions { ConnectTimeout = options.ConnectTimeout, LoggerFactory = loggerFactory, TimeProvider = this.timeProvider };
        members = options.Addrs.Select(a => EtcdAddress.TryNormalize(a, out var uri) ? uri : a).Select(a => new EtcdMember(a, channelOptions)).ToArray();
    }

    public EtcdOptions Options { get; }

    internal ILogger Logger { get; }

    internal TimeProvider TimeProvider => timeProvider;

    /// <summary>The member calls currently go to.</summary>
    public string CurrentAddress => members[Volatile.Read(ref current) % members.Length].Address;

    /// <summary>The value of <paramref name="key"/>, or every key starting with it when <paramref name="prefix"/> is set.</summary>
    public Task<RangeResponse> GetAsync(string key, bool prefix, CancellationToken cancellationToken)
    {
        var request = new RangeRequest { Key = ByteString.CopyFromUtf8(key) };
        if (prefix)
        {
            request.RangeEnd = PrefixEnd(request.Key);
        }

        return RangeAsync(request, cancellationToken);
    }

    public Task<RangeResponse> RangeAsync(RangeRequest request, CancellationToken cancellationToken)
        => CallAsync((m, o) => m.Kv.RangeAsync(request, o), cancellationToken);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>, attached to lease <paramref name="leaseId"/> (0 for none).</summary>
    public Task<PutResponse> PutAsync(string key, string value, long leaseId, CancellationToken cancellationToken)
    {
        var request = new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFromUtf8(value), Lease = leaseId };
        return CallAsync((m, o) => m.Kv.PutAsync(request, o), cancellationToken);
    }

    /// <summary>Deletes <paramref name="key"/>, or every key starting with it when <paramref name="prefix"/> is set.</summary>
    public Task<DeleteRangeResponse> DeleteAsync(string key, bool prefix, CancellationToken cancellationToken)
    {
        var request = new DeleteRangeRequest { Key = ByteString.CopyFromUtf8(key) };
        if (prefix)
        {
            request.RangeEnd = PrefixEnd(request.Key);
        }

        return CallAsync((m, o) => m.Kv.DeleteRangeAsync(request, o), cancellationToken);
    }

    public Task<TxnResponse> TxnAsync(TxnRequest request, CancellationToken cancellationToken)
        => CallAsync((m, o) => m.Kv.TxnAsync(request, o), cancellationToken);

    /// <summary>Grants a lease of <paramref name="ttl"/> (whole seconds, at least one).</summary>
    public Task<LeaseGrantResponse> GrantLeaseAsync(TimeSpan ttl, CancellationToken cancellationToken)
    {
        var request = new LeaseGrantRequest { TTL = Math.Max(1, (long)Math.Ceiling(ttl.TotalSeconds)) };
        return CallAsync((m, o) => m.Lease.LeaseGrantAsync(request, o), cancellationToken);
    }

    /// <summary>Revokes lease <paramref name="leaseId"/>; every key attached to it is deleted.</summary>
    public Task<LeaseRevokeResponse> RevokeLeaseAsync(long leaseId, CancellationToken cancellationToken)
        => CallAsync((m, o) => m.Lease.LeaseRevokeAsync(new LeaseRevokeRequest { ID = leaseId }, o), cancellationToken);

    /// <summary>
    /// Watches <paramref name="key"/> (or the keys starting with it) from <paramref name="startRevision"/> (0: from now).
    /// The watch is created when this returns; dispose it to cancel.
    /// </summary>
    public Task<EtcdWatch> WatchAsync(string key, bool prefix, long startRevision, CancellationToken cancellationToken)
    {
        var request = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(key), StartRevision = startRevision };
        if (prefix)
        {
            request.RangeEnd = PrefixEnd(request.Key);
        }

        return EtcdWatch.StartAsync(this, request, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var member in members)
        {
            member.Dispose();
        }
    }

    /// <summary>The end of the range of keys starting with <paramref name="prefix"/>: the prefix with its last byte below 0xff incremented.</summary>
    internal static ByteString PrefixEnd(ByteString prefix)
    {
        var bytes = prefix.ToByteArray();
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (bytes[i] < 0xff)
            {
                bytes[i]++;
                return ByteString.CopyFrom(bytes, 0, i + 1);
            }
        }

        return ByteString.CopyFrom(0);
    }
}
