using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Ego.Http.Tracing;
using Ego.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Http.Tests.Tracing;

public sealed class HttpClientTracingHandlerTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public HttpClientTracingHandlerTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EgoTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    [Fact]
    public async Task SendAsync_UnderParent_InjectsTraceparentOfClientSpanWithHttpAttributes()
    {
        var inner = new RecordingHandler(HttpStatusCode.OK);
        using var client = new HttpClient(new HttpClientTracingHandler { InnerHandler = inner });
        using var parent = EgoTracing.Source.StartActivity("parent")!;

        using var response = await client.GetAsync("http://orders.internal:8080/orders/7?full=1");

        var span = Assert.Single(stopped, s => s.TraceId == parent.TraceId && s.Kind == ActivityKind.Client);
        Assert.Equal(parent.SpanId, span.ParentSpanId);
        Assert.Equal($"00-{span.TraceId.ToHexString()}-{span.SpanId.ToHexString()}-01", inner.TraceParent);
        Assert.Equal("GET", span.DisplayName);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("http://orders.internal:8080/orders/7?full=1", span.GetTagItem("url.full"));
        Assert.Equal("orders.internal", span.GetTagItem("server.address"));
        Assert.Equal(8080, span.GetTagItem("server.port"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task SendAsync_ServerAnswers503_SpanHasErrorStatus()
    {
        using var client = new HttpClient(new HttpClientTracingHandler { InnerHandler = new RecordingHandler(HttpStatusCode.ServiceUnavailable) });
        using var parent = EgoTracing.Source.StartActivity("parent")!;

        using var response = await client.GetAsync("http://orders.internal/down");

        var span = Assert.Single(stopped, s => s.TraceId == parent.TraceId && s.Kind == ActivityKind.Client);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("503", span.GetTagItem("error.type"));
    }

    [Fact]
    public async Task AddEgoTracing_NamedClient_RequestsCarryTraceparent()
    {
        var inner = new RecordingHandler(HttpStatusCode.OK);
        var services = new ServiceCollection();
        services.AddHttpClient("orders").AddEgoTracing().ConfigurePrimaryHttpMessageHandler(() => inner);
        using var provider = services.BuildServiceProvider();
        using var parent = EgoTracing.Source.StartActivity("parent")!;

        using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync("http://orders.internal/");

        Assert.StartsWith($"00-{parent.TraceId.ToHexString()}-", inner.TraceParent);
    }

    public void Dispose() => listener.Dispose();

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public string? TraceParent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            TraceParent = request.Headers.TryGetValues("traceparent", out var values) ? values.Single() : null;
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }
}
