using System.Net;
using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Core.Tests.Hosting;

/// <summary>The <c>X-Health-Check</c> probe and the 503 refusal on the main HTTP port.</summary>
public sealed class ServiceProbeMiddlewareTests
{
    private static readonly string[] HttpFlags = ["--server.http.host=127.0.0.1", "--server.http.port=0", "--app.drainDelay=0s"];

    [Fact]
    public async Task HealthCheckHeader_Ready_200WithoutReachingEndpoints()
    {
        var hits = 0;
        await using var app = EgoApplication.CreateBuilder(HttpFlags, AppRun.Environment()).Build();
        app.MapGet("/", () => Interlocked.Increment(ref hits).ToString());
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Addresses[0]) };

        using var probe = await client.SendAsync(Probe());
        var body = await probe.Content.ReadAsStringAsync();
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal("ok\n", body);
        Assert.Equal(0, hits);
    }

    [Fact]
    public async Task HealthCheckHeader_NotReady_503()
    {
        await using var app = EgoApplication.CreateBuilder(HttpFlags, AppRun.Environment()).Build();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Addresses[0]) };

        app.Services.GetRequiredService<ApplicationReadiness>().Set(false);
        using var probe = await client.SendAsync(Probe());
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.StatusCode);
    }

    [Fact]
    public async Task Request_AfterDrain_503WithConnectionClose()
    {
        await using var app = EgoApplication.CreateBuilder(HttpFlags, AppRun.Environment()).Build();
        app.MapGet("/hello", () => "hello");
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Addresses[0]) };
        var before = await client.GetStringAsync("/hello");

        app.Services.GetRequiredService<ApplicationLifecycle>().Advance(ApplicationStage.Stopping);
        using var refused = await client.GetAsync("/hello");
        await app.StopAsync();

        Assert.Equal("hello", before);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.ConnectionClose);
    }

    private static HttpRequestMessage Probe()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Health-Check", "1");
        return request;
    }
}
