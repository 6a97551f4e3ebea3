namespace Ego.Grpc;

/// <summary>Options of message writes.</summary>
public sealed class WriteOptions
{
    /// <summary>Default options: no flags.</summary>
    public static readonly WriteOptions Default = new();

    public WriteOptions(WriteFlags flags = default)
    {
        Flags = flags;
    }

    public WriteFlags Flags { get; }
}
