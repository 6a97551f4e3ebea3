using System.Collections.Concurrent;

namespace Ego.Discovery;

/// <summary>
/// One endpoint of a client: its base address, whether it can be picked, and the figures balancers weigh
/// (calls in flight, latency EWMA, success score). Updated lock-free by the calls that use it.
/// </summary>
public sealed class Subchannel
{
    /// <summary>The success score of a fresh endpoint; a failure pulls it towards 0 (go-zero's initSuccess).</summary>
    public const int InitialSuccess = 1000;

    /// <summary>The time constant of the EWMAs (go-zero's decayTime, from Finagle): 10 s.</summary>
    private const double DecayNanos = 10e9;

    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);
    private readonly Func<string, Uri> _createUri;
    private long _inFlight;
    private long _calls;
    private long _failures;
    private long _connectFailures;
    private long _retryAt;
    private long _lagNanos;
    private long _success = InitialSuccess;
    private long _lastFinished;
    private long _lastPicked;

    /// <param name="endpoint">The endpoint.</param>
    /// <param name="baseUri">Where calls go: <c>http(s)://host:port</c>.</param>
    public Subchannel(ServiceEndpoint endpoint, Uri baseUri)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
        _createUri = path => new Uri(BaseUri, path);
    }

    public ServiceEndpoint Endpoint { get; }

    public Uri BaseUri { get; }

    public long InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Calls finished on this endpoint.</summary>
    public long Calls => Volatile.Read(ref _calls);

    /// <summary>Calls that ended with a server-side failure.</summary>
    public long Failures => Volatile.Read(ref _failures);

    /// <summary>Connection attempts failed in a row; 0 once a call gets through.</summary>
    public long ConnectFailures => Volatile.Read(ref _connectFailures);

    /// <summary>EWMA of call latency in nanoseconds, decaying with a 10 s time constant.</summary>
    public long LatencyNanos => Volatile.Read(ref _lagNanos);

    /// <summary>EWMA success score, <see cref="InitialSuccess"/> when every call succeeds.</summary>
    public long Success => Volatile.Read(ref _success);

    internal long LastPicked => Volatile.Read(ref _lastPicked);

    /// <summary>The absolute URI of <paramref name="path"/> on this endpoint, cached so calls do not allocate it.</summary>
    public Uri GetUri(string path) => _uris.GetOrAdd(path, _createUri);

    /// <summary>False while the endpoint waits out the backoff after a failed connection attempt.</summary>
    public bool IsReady(long timestamp) => Volatile.Read(ref _retryAt) <= timestamp;

    /// <summary>Counts a call in flight; returns the timestamp to pass to <see cref="OnCallFinished"/>.</summary>
    public long OnCallStarted(TimeProvider timeProvider)
    {
        Interlocked.Increment(ref _inFlight);
        return timeProvider.GetTimestamp();
    }

    /// <summary>Ends a call that never reached the server (its connection failed): only the in-flight count changes.</summary>
    public void OnCallAbandoned() => Interlocked.Decrement(ref _inFlight);

    /// <summary>
    /// Ends a call: folds its latency and outcome into the EWMAs, weighted by exp(-dt/10 s) where dt is the time since
    /// the previous call ended, so a quiet endpoint's history fades.
    /// </summary>
    public void OnCallFinished(TimeProvider timeProvider, long started, bool serverFailure)
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _calls);
        if (serverFailure)
        {
            Interlocked.Increment(ref _failures);
        }
        else
        {
            Volatile.Write(ref _connectFailures, 0);
        }

        var now = timeProvider.GetTimestamp();
        var last = Interlocked.Exchange(ref _lastFinished, now);
        var sinceLast = Math.Max(0, ToNanos(now - last, timeProvider));
        var weight = Math.Exp(-sinceLast / DecayNanos);
        var lag = Math.Max(0, ToNanos(now - started, timeProvider));
        var oldLag = Volatile.Read(ref _lagNanos);
        var lagWeight = oldLag == 0 ? 0 : weight;
        Volatile.Write(ref _lagNanos, (long)(oldLag * lagWeight + lag * (1 - lagWeight)));
        var score = serverFailure ? 0 : InitialSuccess;
        Volatile.Write(ref _success, (long)(Volatile.Read(ref _success) * weight + score * (1 - weight)));
    }

    /// <summary>
    /// Records a failed connection attempt: the endpoint is skipped for a backoff that doubles with every failure in a
    /// row, from <paramref name="initialBackoff"/> up to <paramref name="maxBackoff"/>; after it, the next pick tries again.
    /// </summary>
    public void OnConnectFailed(TimeProvider timeProvider, TimeSpan initialBackoff, TimeSpan maxBackoff)
    {
        var failures = Interlocked.Increment(ref _connectFailures);
        var ticks = initialBackoff.Ticks * (1L << (int)Math.Min(failures - 1, 20));
        var backoff = TimeSpan.FromTicks(Math.Min(ticks, maxBackoff.Ticks));
        Volatile.Write(ref _retryAt, timeProvider.GetTimestamp() + (long)(backoff.TotalSeconds * timeProvider.TimestampFrequency));
    }

    internal void MarkPicked(long timestamp) => Volatile.Write(ref _lastPicked, timestamp);

    internal bool TryForcePick(long previous, long timestamp) => Interlocked.CompareExchange(ref _lastPicked, timestamp, previous) == previous;

    /// <summary>go-zero's load: sqrt(latency EWMA + 1) x (in-flight + 1); an endpoint never measured scores as idle.</summary>
    internal double Load() => Math.Sqrt(Volatile.Read(ref _lagNanos) + 1) * (Volatile.Read(ref _inFlight) + 1);

    public override string ToString() => Endpoint.Address;

    private static double ToNanos(long timestampDelta, TimeProvider timeProvider) => timestampDelta * (1e9 / timeProvider.TimestampFrequency);
}
