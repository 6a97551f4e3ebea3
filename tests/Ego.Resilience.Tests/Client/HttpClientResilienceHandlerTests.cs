using System.Net;
using Ego.Components;
using Ego.Resilience.Client;
using Ego.Resilience.Tests.Client.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Resilience.Tests.Client;

public sealed class HttpClientResilienceHandlerTests
{
    private int requests;

    private Task FailFirst(HttpContext context, int failures)
    {
        context.Response.StatusCode = Interlocked.Increment(ref requests) <= failures ? 503 : 200;
        return context.Response.WriteAsync("n" + requests);
    }

    private static HttpClient CreateClient(HttpTestServer server, Action<ClientResilienceOptions>? configure = null)
    {
        var options = new ClientResilienceOptions();
        options.Retry.InitialBackoff = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(options);
        var handler = new HttpClientResilienceHandler(new ClientResilience("http.pay", ClientResilience.Http, options)) { InnerHandler = new SocketsHttpHandler() };
        return new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    [Fact]
    public async Task Get_Unavailable503ThenOk_IsRetried()
    {
        await using var server = await HttpTestServer.StartAsync(c => FailFirst(c, 1));
        using var client = CreateClient(server);

        using var response = await client.GetAsync("/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task Post_Unavailable503_IsNotRetriedByDefault()
    {
        await using var server = await HttpTestServer.StartAsync(c => FailFirst(c, 1));
        using var client = CreateClient(server);

        using var response = await client.PostAsync("/users", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task Post_MarkedIdempotent_IsRetriedWithItsContent()
    {
        var bodies = new List<string>();
        await using var server = await HttpTestServer.StartAsync(async c =>
        {
            using var reader = new StreamReader(c.Request.Body);
            lock (bodies)
            {
                bodies.Add(reader.ReadToEndAsync().GetAwaiter().GetResult());
            }

            await FailFirst(c, 1);
        });
        using var client = CreateClient(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/users") { Content = new StringContent("{\"id\":1}") };
        request.Options.Set(HttpClientResilienceHandler.Idempotent, true);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["{\"id\":1}", "{\"id\":1}"], bodies);
    }

    [Fact]
    public async Task Get_DownstreamFailing_BreakerOpensAndRejectsWithTheTargetAndOperation()
    {
        await using var server = await HttpTestServer.StartAsync(c => FailFirst(c, int.MaxValue));
        using var client = CreateClient(server, o => o.EnableRetry = false);

        ClientRejectedException? rejected = null;
        for (var i = 0; i < 100 && rejected is null; i++)
        {
            try
            {
                using var response = await client.GetAsync("/flaky");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }
            catch (ClientRejectedException exception)
            {
                rejected = exception;
            }
        }

        Assert.NotNull(rejected);
        Assert.Equal("circuit open for http.pay/GET /flaky", rejected.Message);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "breaker_open"), (rejected.StatusCode, rejected.Reason));
        Assert.True(requests < 100);
    }

    [Fact]
    public async Task Get_DownstreamRecovers_BreakerClosesOnceTheFailuresLeaveTheWindow()
    {
        var healthy = false;
        await using var server = await HttpTestServer.StartAsync(c =>
        {
            c.Response.StatusCode = Volatile.Read(ref healthy) ? 200 : 500;
            return Task.CompletedTask;
        });
        var clock = new FakeClock();
        var options = new ClientResilienceOptions { EnableRetry = false };
        var resilience = new ClientResilience("http.pay", ClientResilience.Http, options, null, clock, null, () => 0.0);
        using var client = new HttpClient(new HttpClientResilienceHandler(resilience) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = server.Address };
        for (var i = 0; i < 6; i++)
        {
            (await client.GetAsync("/orders")).Dispose();
        }

        await Assert.ThrowsAsync<ClientRejectedException>(() => client.GetAsync("/orders"));
        Volatile.Write(ref healthy, true);
        clock.Advance(TimeSpan.FromSeconds(11));

        using var response = await client.GetAsync("/orders");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("closed", (string?)resilience.Snapshot()["breakers"]!["GET /orders"]!["state"]);
    }

    [Fact]
    public async Task Get_TransportFailureThenOk_IsRetried()
    {
        var attempts = 0;
        var stub = new StubHandler(_ => Interlocked.Increment(ref attempts) == 1 ? throw new HttpRequestException("connection refused") : new HttpResponseMessage(HttpStatusCode.OK));
        var options = new ClientResilienceOptions();
        options.Retry.InitialBackoff = TimeSpan.FromMilliseconds(1);
        using var client = new HttpClient(new HttpClientResilienceHandler(new ClientResilience("http.pay", ClientResilience.Http, options)) { InnerHandler = stub });

        using var response = await client.GetAsync("http://127.0.0.1:1/orders");

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, attempts));
    }

    [Fact]
    public async Task Get_OperationOption_NamesTheBreaker()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var resilience = new ClientResilience("http.pay", ClientResilience.Http, new ClientResilienceOptions());
        using var client = new HttpClient(new HttpClientResilienceHandler(resilience) { InnerHandler = stub });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/orders/42");
        request.Options.Set(HttpClientResilienceHandler.Operation, "GET /orders/{id}");

        (await client.SendAsync(request)).Dispose();

        Assert.Equal("GET /orders/{id}", Assert.Single(resilience.Breakers).Method);
    }

    [Fact]
    public async Task Get_OverTheRateLimit_FailsWith429WithoutSending()
    {
        await using var server = await HttpTestServer.StartAsync(c => FailFirst(c, 0));
        using var client = CreateClient(server, o => o.RateLimit = new() { Rps = 1, Burst = 1 });
        (await client.GetAsync("/a")).Dispose();

        var error = await Assert.ThrowsAsync<ClientRejectedException>(() => client.GetAsync("/a"));

        Assert.Equal((HttpStatusCode.TooManyRequests, "rate_limited"), (error.StatusCode, error.Reason));
        Assert.Contains("http.pay", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task AddEgoResilience_HttpClientFactory_BindsTheClientSectionAndShowsOnTheGovernor()
    {
        await using var server = await HttpTestServer.StartAsync(c => FailFirst(c, 2));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["http:pay:retry:maxAttempts"] = "3",
            ["http:pay:retry:initialBackoff"] = "5ms",
            ["http:pay:retry:codes:0"] = "503",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config);
        services.AddHttpClient("pay", c => c.BaseAddress = server.Address).AddEgoResilience("http.pay");
        await using var provider = services.BuildServiceProvider();

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("pay").GetAsync("/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, requests);
        var stats = Assert.Single(provider.GetServices<IGovernorStats>(), s => s.Name == "resilience");
        Assert.Equal("closed", (string?)stats.Snapshot()["http.pay"]!["breakers"]!["GET /users"]!["state"]);
    }
}
