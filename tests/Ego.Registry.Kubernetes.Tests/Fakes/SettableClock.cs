namespace Ego.Registry.Kubernetes.Tests.Fakes;

/// <summary>A clock that moves only when the test advances it.</summary>
internal sealed class SettableClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
