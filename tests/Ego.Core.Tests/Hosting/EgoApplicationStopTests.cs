using System.Net;
using Ego.Hosting;
using Ego.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Core.Tests.Hosting;

/// <summary>The graceful stop of <see cref="EgoApplication"/>: drain, refusal of new calls, in-flight calls, stop stages.</summary>
public sealed class EgoApplicationStopTests
{
    private const int InFlight = 100;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StopAsync_HundredRequestsInFlight_AllCompleteAndLaterRequestsGet503()
    {
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = EgoApplication.CreateBuilder(["--server.http.host=127.0.0.1", "--server.http.port=0", "--app.drainDelay=0s", "--app.stopTimeout=60s"], AppRun.Environment());
        await using var app = builder.Build();
        app.MapGet("/slow/{id}", async (int id) =>
        {
            if (Interlocked.Increment(ref arrived) == InFlight)
            {
                allArrived.TrySetResult();
            }

            await release.Task;
            return "done " + id;
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Addresses[0]), Timeout = Wait };

        var requests = Enumerable.Range(0, InFlight).Select(i => client.GetStringAsync($"/slow/{i}")).ToList();
        await allArrived.Task.WaitAsync(Wait);
        var stopping = app.StopAsync();
        await app.Services.GetRequiredService<ApplicationLifecycle>().WhenReached(ApplicationStage.Stopping).WaitAsync(Wait);
        using var lateClient = new HttpClient { BaseAddress = new Uri(app.Addresses[0]), Timeout = TimeSpan.FromSeconds(15) };
        using var late = await lateClient.GetAsync("/slow/late");
        release.SetResult();
        var bodies = await Task.WhenAll(requests).WaitAsync(Wait);
        await stopping.WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        Assert.Equal(Enumerable.Range(0, InFlight).Select(i => "done " + i), bodies);
    }

    [Fact]
    public async Task StopAsync_DuringDrainDelay_NotReadyButStillServing()
    {
        var delay = TimeSpan.FromSeconds(37);
        var clock = new ManualTimeProvider(delay);
        var builder = EgoApplication.CreateBuilder(["--server.http.host=127.0.0.1", "--server.http.port=0", "--app.drainDelay=37s"], AppRun.Environment());
        builder.Services.AddSingleton<TimeProvider>(clock);
        await using var app = builder.Build();
        app.MapGet("/hello", () => "hello");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Addresses[0]) };
        var lifecycle = app.Services.GetRequiredService<ApplicationLifecycle>();

        var stopping = app.StopAsync();
        await clock.Armed.WaitAsync(Wait);
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/hello") { Headers = { { "X-Health-Check", "1" } } };
        using var probed = await client.SendAsync(probe);
        var served = await client.GetStringAsync("/hello");
        var stageWhileDraining = lifecycle.Stage;
        clock.Fire();
        await stopping.WaitAsync(Wait);

        Assert.Equal(ApplicationStage.Draining, stageWhileDraining);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, probed.StatusCode);
        Assert.Equal("hello", served);
        Assert.Equal(ApplicationStage.Stopped, lifecycle.Stage);
    }

    [Fact]
    public async Task StopAsync_StageHooks_RunInOrderAfterTheServersStopped()
    {
        var order = new List<string>();
        var address = "";
        string? answerDuringHooks = null;
        var builder = EgoApplication.CreateBuilder(["--server.http.host=127.0.0.1", "--server.http.port=0", "--app.drainDelay=0s"], AppRun.Environment());
        builder.OnStop(StopStage.Flush, (_, _) => Record(order, "flush"));
        builder.OnAfterStop(async (_, _) =>
        {
            answerDuringHooks = await TryGetAsync(address + "/hello");
            await Record(order, "close clients");
        });
        builder.OnStop(StopStage.CloseClients, (_, _) => Record(order, "close pools"));
        await using var app = builder.Build();
        app.MapGet("/hello", () => "hello");
        await app.StartAsync();
        address = app.Addresses[0];

        await app.StopAsync();

        Assert.Equal(["close clients", "close pools", "flush"], order);
        Assert.Equal("refused", answerDuringHooks);
        Assert.Equal(ApplicationStage.Stopped, app.Services.GetRequiredService<ApplicationLifecycle>().Stage);
    }

    [Fact]
    public async Task RunAsync_NegativeDrainDelay_FailsFastNamingTheKey()
    {
        var run = await AppRun.RunAsync(EgoApplication.CreateBuilder(["--app.drainDelay=-5s"], AppRun.Environment()));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("drainDelay", run.Error);
        Assert.Contains("negative", run.Error);
    }

    private static Task Record(List<string> order, string step)
    {
        lock (order)
        {
            order.Add(step);
        }

        return Task.CompletedTask;
    }

    private static async Task<string> TryGetAsync(string url)
    {
        using var client = new HttpClient();
        try
        {
            return await client.GetStringAsync(url);
        }
        catch (HttpRequestException)
        {
            return "refused";
        }
    }
}
