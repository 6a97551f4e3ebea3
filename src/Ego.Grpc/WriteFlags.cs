namespace Ego.Grpc;

/// <summary>Per-message write flags.</summary>
[Flags]
public enum WriteFlags
{
    /// <summary>Hint that the write may be buffered and need not go out immediately.</summary>
    BufferHint = 0x1,

    /// <summary>Send this message uncompressed even when the call compresses.</summary>
    NoCompress = 0x2,
}
