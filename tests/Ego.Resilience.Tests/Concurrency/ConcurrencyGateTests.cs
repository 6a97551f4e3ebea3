using Ego.Resilience.Concurrency;

namespace Ego.Resilience.Tests.Concurrency;

public sealed class ConcurrencyGateTests
{
    [Fact]
    public void TryEnter_AtMax_RefusesUntilASlotIsGivenBack()
    {
        var gate = new ConcurrencyGate(2);

        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
        Assert.Equal(2, gate.InFlight);
        gate.Exit();
        Assert.True(gate.TryEnter());
    }

    [Fact]
    public async Task TryEnter_ManyThreads_NeverAdmitsMoreThanMax()
    {
        var gate = new ConcurrencyGate(3);
        var peak = 0;
        await Parallel.ForAsync(0, 2000, (_, _) =>
        {
            if (gate.TryEnter())
            {
                var now = gate.InFlight;
                InterlockedMax(ref peak, now);
                gate.Exit();
            }

            return ValueTask.CompletedTask;
        });

        Assert.InRange(peak, 1, 3);
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public void Constructor_ZeroMax_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConcurrencyGate(0));

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
