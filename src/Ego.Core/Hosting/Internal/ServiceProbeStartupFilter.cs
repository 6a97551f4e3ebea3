using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Ego.Hosting.Internal;

/// <summary>Puts <see cref="ServiceProbeMiddleware"/> in front of everything the application maps.</summary>
internal sealed class ServiceProbeStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<ServiceProbeMiddleware>();
        next(app);
    };
}
