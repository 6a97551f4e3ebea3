namespace Ego.Resilience.Client.Internal;

/// <summary>
/// The clock of the per-call paths. On the system clock it reads <see cref="Environment.TickCount64"/> (a coarse,
/// millisecond clock that costs a fraction of a high-resolution read) scaled to nanoseconds; any other
/// <see cref="TimeProvider"/> (tests) is read as it is.
/// </summary>
internal readonly struct CoarseClock
{
    private const long NanosecondsPerMillisecond = 1_000_000;
    private readonly TimeProvider? provider;

    public CoarseClock(TimeProvider time)
    {
        provider = ReferenceEquals(time, TimeProvider.System) ? null : time;
        Frequency = provider?.TimestampFrequency ?? 1_000_000_000;
    }

    /// <summary>Ticks of <see cref="Now"/> per second.</summary>
    public long Frequency { get; }

    public long Now() => provider is null ? Environment.TickCount64 * NanosecondsPerMillisecond : provider.GetTimestamp();

    public long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Frequency);
}
