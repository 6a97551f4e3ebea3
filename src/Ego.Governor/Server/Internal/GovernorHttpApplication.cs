using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ego.Governor.Server.Internal;

/// <summary>Runs the governor's pipeline for Kestrel, with a DI scope per request as ASP.NET Core hosting does.</summary>
internal sealed class GovernorHttpApplication(RequestDelegate pipeline, IServiceScopeFactory scopes) : IHttpApplication<GovernorHttpApplication.Context>
{
    public Context CreateContext(IFeatureCollection contextFeatures)
    {
        var scope = scopes.CreateAsyncScope();
        var http = new DefaultHttpContext(contextFeatures) { RequestServices = scope.ServiceProvider };
        return new Context(http, scope);
    }

    public Task ProcessRequestAsync(Context context) => pipeline(context.Http);

    public void DisposeContext(Context context, Exception? exception)
    {
        // Scoped services may only be async-disposable; Kestrel's dispose hook is synchronous.
        _ = context.Scope.DisposeAsync().AsTask();
    }

    internal sealed record Context(HttpContext Http, AsyncServiceScope Scope);
}
