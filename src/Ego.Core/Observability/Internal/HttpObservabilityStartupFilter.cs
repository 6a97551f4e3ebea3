using Ego.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Ego.Observability.Internal;

/// <summary>Puts the access log and metrics in front of the application's own middleware, so they see every request.</summary>
internal sealed class HttpObservabilityStartupFilter(HttpServerOptions options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseEgoHttpObservability(options);
        next(app);
    };
}
