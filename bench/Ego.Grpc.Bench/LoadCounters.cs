namespace Ego.Grpc.Bench;

/// <summary>Completed calls, received messages and failures of a load run, updated by every worker.</summary>
internal sealed class LoadCounters
{
    private long _calls;
    private long _messages;
    private long _errors;

    public long Errors => Interlocked.Read(ref _errors);

    public void Add(int messages)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _messages, messages);
    }

    public long AddError() => Interlocked.Increment(ref _errors);

    public (long Calls, long Messages) Snapshot() => (Interlocked.Read(ref _calls), Interlocked.Read(ref _messages));
}
