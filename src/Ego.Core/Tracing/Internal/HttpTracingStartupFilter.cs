using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Ego.Tracing.Internal;

/// <summary>Puts <see cref="HttpServerTracing"/> in front of everything else, so every other middleware and log sees the span.</summary>
internal sealed class HttpTracingStartupFilter(string traceIdHeader) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<HttpServerTracing>(traceIdHeader);
        next(app);
    };
}
