namespace Ego.Grpc;

/// <summary>Options of one client call: headers, deadline, cancellation, write options, wait-for-ready.</summary>
public readonly struct CallOptions
{
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default, WriteOptions? writeOptions = null, bool waitForReady = false)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        WriteOptions = writeOptions;
        IsWaitForReady = waitForReady;
    }

    /// <summary>Headers sent with the call. The <c>grpc-internal-encoding-request</c> entry picks the compression of requests and is not sent.</summary>
    public Metadata? Headers { get; }

    /// <summary>The deadline (UTC, or converted to UTC); null for the channel's default timeout.</summary>
    public DateTime? Deadline { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Default options of request writes.</summary>
    public WriteOptions? WriteOptions { get; }

    /// <summary>Retry connection failures until the deadline instead of failing fast with UNAVAILABLE.</summary>
    public bool IsWaitForReady { get; }

    public CallOptions WithHeaders(Metadata? headers) => new(headers, Deadline, CancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithDeadline(DateTime? deadline) => new(Headers, deadline, CancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken, WriteOptions, IsWaitForReady);

    public CallOptions WithWriteOptions(WriteOptions? writeOptions) => new(Headers, Deadline, CancellationToken, writeOptions, IsWaitForReady);

    public CallOptions WithWaitForReady(bool waitForReady = true) => new(Headers, Deadline, CancellationToken, WriteOptions, waitForReady);
}
