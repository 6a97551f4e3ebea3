namespace Ego.Grpc.Internal.Client;

/// <summary>Calls of one channel, for the governor's client page: started, still running, ended with a non-OK status.</summary>
internal sealed class ChannelCallCounters
{
    private long _started;
    private long _inFlight;
    private long _failed;

    public long Started => Interlocked.Read(ref _started);

    public long InFlight => Interlocked.Read(ref _inFlight);

    public long Failed => Interlocked.Read(ref _failed);

    public void OnStarted()
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _inFlight);
    }

    public void OnFinished(bool failed)
    {
        Interlocked.Decrement(ref _inFlight);
        if (failed)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
