using System.Net;
using System.Text.Json;
using Ego.Http.Observability;
using Ego.Observability;
using Ego.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Http.Tests.Observability;

public sealed class HttpClientObservabilityHandlerTests
{
    [Fact]
    public async Task Get_SuccessWithAccessLogOn_WritesInfoLine()
    {
        using var capture = new AccessLogCapture();
        await using var server = await TargetServer.StartAsync();
        using (var client = Client(capture, new HttpClientObservabilityOptions { EnableAccessInterceptor = true }, server))
        {
            Assert.Equal("fine", await client.GetStringAsync("/ok?page=2"));
        }

        var line = Assert.Single(capture.AccessLines());
        Assert.Equal("info", line.GetProperty("lv").GetString());
        Assert.Equal("client.ehttp", line.GetProperty("comp").GetString());
        Assert.Equal("http.target", line.GetProperty("compName").GetString());
        Assert.Equal(server.Authority, line.GetProperty("addr").GetString());
        Assert.Equal("GET./ok?page=2", line.GetProperty("method").GetString());
        Assert.Equal(200, line.GetProperty("code").GetInt32());
        Assert.Equal(200, line.GetProperty("ucode").GetInt32());
        Assert.Equal("normal", line.GetProperty("event").GetString());
        Assert.Equal(JsonValueKind.Number, line.GetProperty("cost").ValueKind);
    }

    [Fact]
    public async Task Get_Statuses_404IsWarnAnd503IsErrorWithAccessLogOff()
    {
        using var capture = new AccessLogCapture();
        await using var server = await TargetServer.StartAsync();
        using (var client = Client(capture, new HttpClientObservabilityOptions(), server))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ok")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/missing")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/down")).StatusCode);
        }

        var lines = capture.AccessLines();
        Assert.Equal(2, lines.Count);
        var missing = Assert.Single(lines, l => l.GetProperty("code").GetInt32() == 404);
        Assert.Equal("warn", missing.GetProperty("lv").GetString());
        Assert.Equal("error", missing.GetProperty("event").GetString());
        Assert.Equal("404 Not Found", missing.GetProperty("error").GetString());
        var down = Assert.Single(lines, l => l.GetProperty("code").GetInt32() == 503);
        Assert.Equal("error", down.GetProperty("lv").GetString());
    }

    [Fact]
    public async Task Get_ConnectionRefused_WritesErrorLine()
    {
        using var capture = new AccessLogCapture();
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using (var client = Client(capture, new HttpClientObservabilityOptions(), null, new Uri($"http://127.0.0.1:{port}")))
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/ok"));
        }

        var line = Assert.Single(capture.AccessLines());
        Assert.Equal("error", line.GetProperty("lv").GetString());
        Assert.Equal("error", line.GetProperty("event").GetString());
        Assert.Equal(0, line.GetProperty("code").GetInt32());
        Assert.Equal(500, line.GetProperty("ucode").GetInt32());
    }

    [Fact]
    public async Task Get_OverSlowThreshold_WritesWarnSlow()
    {
        using var capture = new AccessLogCapture();
        await using var server = await TargetServer.StartAsync();
        using (var client = Client(capture, new HttpClientObservabilityOptions { SlowLogThreshold = TimeSpan.FromMilliseconds(50) }, server))
        {
            await client.GetStringAsync("/slow");
        }

        var line = Assert.Single(capture.AccessLines());
        Assert.Equal("warn", line.GetProperty("lv").GetString());
        Assert.Equal("slow", line.GetProperty("event").GetString());
    }

    [Fact]
    public async Task Get_InnerHandlerThrows_WritesPanicLine()
    {
        using var capture = new AccessLogCapture();
        var handler = HttpClientObservabilityExtensions.Create("http.target", new HttpClientObservabilityOptions(), capture.Environment, capture.LoggerFactory, null);
        handler.InnerHandler = new ThrowingHandler();
        using (var client = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1") })
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/ok"));
        }

        var line = Assert.Single(capture.AccessLines());
        Assert.Equal("error", line.GetProperty("lv").GetString());
        Assert.Equal("panic", line.GetProperty("event").GetString());
        Assert.Equal("handler bug", line.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Post_ReqAndResEnabled_WritesBodiesTruncated()
    {
        using var capture = new AccessLogCapture();
        await using var server = await TargetServer.StartAsync();
        var options = new HttpClientObservabilityOptions { EnableAccessInterceptor = true, EnableAccessInterceptorReq = true, EnableAccessInterceptorRes = true, AccessInterceptorResMaxLength = 3 };
        using (var client = Client(capture, options, server))
        {
            var response = await client.PostAsync("/echo", new StringContent("hello"));
            Assert.Equal("hello", await response.Content.ReadAsStringAsync());
        }

        var line = Assert.Single(capture.AccessLines());
        Assert.Equal("hello", line.GetProperty("req").GetString());
        Assert.Equal("hel...", line.GetProperty("res").GetString());
    }

    [Fact]
    public async Task Get_AppNameAndExtraKeys_AreSentAndLogged()
    {
        using var capture = new AccessLogCapture(false, "x-ego-uid");
        await using var server = await TargetServer.StartAsync();
        CallExtras.Set([new("x-ego-uid", "42")]);
        using (var client = Client(capture, new HttpClientObservabilityOptions { EnableAccessInterceptor = true }, server))
        {
            await client.GetStringAsync("/ok");
        }

        Assert.Equal(capture.AppName, server.LastHeaders["app"]);
        Assert.Equal("42", server.LastHeaders["x-ego-uid"]);
        Assert.Equal("42", Assert.Single(capture.AccessLines()).GetProperty("x-ego-uid").GetString());
    }

    [Fact]
    public async Task DebugMode_WritesSixTupleWithCallerFileAndLine()
    {
        using var capture = new AccessLogCapture(debugMode: true);
        await using var server = await TargetServer.StartAsync();
        int line;
        using (var client = Client(capture, new HttpClientObservabilityOptions(), server))
        {
            (var call, line) = (client.GetStringAsync("/ok"), AccessLogCapture.Line());
            await call;
        }

        var debug = Assert.Single(capture.DebugText.Split('\n'), l => l.Contains("client.ehttp.http.target", StringComparison.Ordinal));
        Assert.Contains($"{nameof(HttpClientObservabilityHandlerTests)}.cs:{line}", debug);
        Assert.Contains("GET./ok | ", debug);
        Assert.Contains("fine", debug);
    }

    [Fact]
    public async Task Get_MetricsEnabled_CountedWithEgoLabels()
    {
        using var capture = new AccessLogCapture();
        using var metrics = new MetricsRecorder();
        await using var server = await TargetServer.StartAsync();
        using (var client = Client(capture, new HttpClientObservabilityOptions { EnableMetricInterceptor = true }, server))
        {
            await client.GetAsync("/missing");
        }

        var handled = Assert.Single(metrics.Where("ego_client_handle_total", "peer", server.Authority));
        Assert.Equal("http", handled["type"]);
        Assert.Equal("http.target", handled["name"]);
        Assert.Equal("GET./missing", handled["method"]);
        Assert.Equal("Not Found", handled["code"]);
        Assert.Single(metrics.Where("ego_client_started_total", "peer", server.Authority));
        Assert.Single(metrics.Where("ego_client_handle_seconds", "peer", server.Authority));
    }

    [Fact]
    public async Task AddEgoObservability_BindsOptionsFromConfigSection()
    {
        using var capture = new AccessLogCapture();
        await using var server = await TargetServer.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["http:pay:enableAccessInterceptor"] = "true",
        }).Build());
        services.AddSingleton(capture.Environment);
        services.AddSingleton(capture.LoggerFactory);
        services.AddHttpClient("pay", c => c.BaseAddress = new Uri(server.Address)).AddEgoObservability("http.pay");
        await using (var provider = services.BuildServiceProvider())
        {
            await provider.GetRequiredService<IHttpClientFactory>().CreateClient("pay").GetStringAsync("/ok");
        }

        var line = Assert.Single(capture.AccessLines());
        Assert.Equal("http.pay", line.GetProperty("compName").GetString());
        Assert.Equal("normal", line.GetProperty("event").GetString());
    }

    [Fact]
    public void AddEgoObservability_InvalidOption_ThrowsNamingKey()
    {
        var services = new ServiceCollection();
        services.AddHttpClient("pay").AddEgoObservability("http.pay", o => o.AccessInterceptorReqMaxLength = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IHttpClientFactory>().CreateClient("pay"));

        Assert.Contains("http.pay", error.Message);
        Assert.Contains("accessInterceptorReqMaxLength", error.Message);
    }

    private static HttpClient Client(AccessLogCapture capture, HttpClientObservabilityOptions options, TargetServer? server, Uri? address = null)
    {
        var handler = HttpClientObservabilityExtensions.Create("http.target", options, capture.Environment, capture.LoggerFactory, capture.DebugOutput);
        handler.InnerHandler = new SocketsHttpHandler();
        return new HttpClient(handler) { BaseAddress = address ?? new Uri(server!.Address), Timeout = TimeSpan.FromSeconds(30) };
    }

    private sealed class ThrowingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler bug");
    }
}
