using Ego.Resilience.CircuitBreaking.Internal;
using Ego.Resilience.Client.Internal;

namespace Ego.Resilience.CircuitBreaking;

/// <summary>
/// Google SRE client-side throttling for one target and method. Only calls that reached the downstream are counted:
/// calls this breaker drops are not requests, so once the downstream answers again the accepted count catches up
/// within seconds instead of the drops keeping the breaker open.
/// </summary>
public sealed class AdaptiveCircuitBreaker
{
    private readonly CircuitBreakerOptions options;
    private readonly RollingWindow window;
    private readonly CoarseClock clock;
    private readonly Func<double> random;
    private readonly long probeTicks;
    private readonly Action<AdaptiveCircuitBreaker, BreakerState>? stateChanged;
    private long lastPass;
    private int state;

    /// <param name="target">The client or downstream, e.g. <c>grpc.user</c>.</param>
    /// <param name="method">The method, e.g. <c>/helloworld.Greeter/SayHello</c>.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="time">Clock of the window and the probes.</param>
    /// <param name="stateChanged">Called on every change of <see cref="State"/>.</param>
    public AdaptiveCircuitBreaker(string target, string method, CircuitBreakerOptions options, TimeProvider? time = null, Action<AdaptiveCircuitBreaker, BreakerState>? stateChanged = null)
        : this(target, method, options, time ?? TimeProvider.System, stateChanged, null)
    {
    }

    internal AdaptiveCircuitBreaker(string target, string method, CircuitBreakerOptions options, TimeProvider time, Action<AdaptiveCircuitBreaker, BreakerState>? stateChanged, Func<double>? random)
    {
        Target = target ?? throw new ArgumentNullException(nameof(target));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        clock = new CoarseClock(time);
        this.stateChanged = stateChanged;
        this.random = random ?? Random.Shared.NextDouble;
        window = new RollingWindow(options.Window, options.Buckets, time);
        probeTicks = clock.Ticks(options.ProbeInterval);
        lastPass = clock.Now();
    }

    public string Target { get; }

    public string Method { get; }

    public BreakerState State => (BreakerState)Volatile.Read(ref state);

    /// <summary>Whether the next call may go to the downstream; when it returns true, report the outcome with <see cref="Record"/>.</summary>
    public bool TryAcquire()
    {
        var drop = DropRatio(out _, out _);
        if (drop <= 0)
        {
            SetState(BreakerState.Closed);
            return true;
        }

        SetState(BreakerState.Open);
        var now = clock.Now();
        var last = Volatile.Read(ref lastPass);
        if (now - last >= probeTicks)
        {
            // One caller wins the probe; the others fall through to the random drop.
            if (Interlocked.CompareExchange(ref lastPass, now, last) == last)
            {
                return true;
            }
        }

        if (random() < drop)
        {
            return false;
        }

        Volatile.Write(ref lastPass, now);
        return true;
    }

    /// <summary>Records the outcome of a call <see cref="TryAcquire"/> let through; <paramref name="failed"/> when the downstream failed it.</summary>
    public void Record(bool failed) => window.Add(!failed);

    /// <summary>Current drop ratio with the accepted and total outcomes in the window.</summary>
    public double DropRatio(out long accepted, out long total)
    {
        (accepted, total) = window.Sum();
        return Math.Max(0, (total - options.Protection - options.K * accepted) / (total + 1));
    }

    private void SetState(BreakerState next)
    {
        if (Volatile.Read(ref state) != (int)next && Interlocked.Exchange(ref state, (int)next) != (int)next)
        {
            stateChanged?.Invoke(this, next);
        }
    }
}
