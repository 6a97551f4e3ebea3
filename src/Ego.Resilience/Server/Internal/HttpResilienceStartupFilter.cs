using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Ego.Resilience.Server.Internal;

/// <summary>
/// Puts routing and then the governance in front of the application's middleware. Routing first so limits apply per
/// route; the application's own routing step then finds the endpoint already chosen and passes through.
/// </summary>
internal sealed class HttpResilienceStartupFilter(ServerGovernance governance) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseRouting();
        app.UseMiddleware<HttpServerResilienceMiddleware>(governance);
        next(app);
    };
}
