using Ego.Hosting;

namespace Ego.Core.Tests.Hosting;

public sealed class ApplicationLifecycleTests
{
    [Fact]
    public void Advance_SkippingStages_CompletesEveryStagePassed()
    {
        var lifecycle = new ApplicationLifecycle();

        lifecycle.Advance(ApplicationStage.Stopping);

        Assert.Equal(ApplicationStage.Stopping, lifecycle.Stage);
        Assert.True(lifecycle.WhenReached(ApplicationStage.Ready).IsCompletedSuccessfully);
        Assert.True(lifecycle.WhenReached(ApplicationStage.Draining).IsCompletedSuccessfully);
        Assert.False(lifecycle.WhenReached(ApplicationStage.Stopped).IsCompleted);
    }

    [Fact]
    public void Advance_Backwards_IsIgnored()
    {
        var lifecycle = new ApplicationLifecycle();
        lifecycle.Advance(ApplicationStage.Stopping);

        lifecycle.Advance(ApplicationStage.Ready);

        Assert.Equal(ApplicationStage.Stopping, lifecycle.Stage);
    }

    [Theory]
    [InlineData(ApplicationStage.Starting, true)]
    [InlineData(ApplicationStage.Ready, true)]
    [InlineData(ApplicationStage.Draining, true)]
    [InlineData(ApplicationStage.Stopping, false)]
    [InlineData(ApplicationStage.Stopped, false)]
    public void IsAccepting_ByStage_OnlyUntilTheDrainIsOver(ApplicationStage stage, bool accepting)
    {
        var lifecycle = new ApplicationLifecycle();

        lifecycle.Advance(stage);

        Assert.Equal(accepting, lifecycle.IsAccepting);
    }

    [Fact]
    public async Task WhenHttpIdleAsync_RequestInFlight_CompletesWhenItExits()
    {
        var lifecycle = new ApplicationLifecycle();
        Assert.True(lifecycle.TryEnterRequest());

        var idle = lifecycle.WhenHttpIdleAsync(CancellationToken.None);
        var before = idle.IsCompleted;
        lifecycle.ExitRequest();

        Assert.False(before);
        await idle.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, lifecycle.InFlightHttpRequests);
    }

    [Fact]
    public void TryEnterRequest_AfterDrain_RefusesAndDoesNotCount()
    {
        var lifecycle = new ApplicationLifecycle();
        lifecycle.Advance(ApplicationStage.Stopping);

        Assert.False(lifecycle.TryEnterRequest());
        Assert.Equal(0, lifecycle.InFlightHttpRequests);
    }
}
