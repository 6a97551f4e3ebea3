using Microsoft.Extensions.DependencyInjection;

namespace Ego.Http.Tracing;

/// <summary>Traces the requests of a named or typed <see cref="HttpClient"/>.</summary>
public static class HttpClientTracingExtensions
{
    /// <summary>Adds <see cref="HttpClientTracingHandler"/> to the client's handlers; call it first so the span covers the others.</summary>
    public static IHttpClientBuilder AddEgoTracing(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(static () => new HttpClientTracingHandler());
    }
}
