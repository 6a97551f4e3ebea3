namespace Ego.Registry.Etcd;

/// <summary>The revision a watch asked for was compacted away: read the current state again and watch from there.</summary>
public sealed class EtcdCompactedException : Exception
{
    public EtcdCompactedException(long compactRevision)
        : base($"etcd compacted its history up to revision {compactRevision}; the watch must start again from a full read")
    {
        CompactRevision = compactRevision;
    }

    /// <summary>The oldest revision still available.</summary>
    public long CompactRevision { get; }
}
