using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Ego.Grpc.Bench.Kestrel;

/// <summary>The request delegate as Kestrel's application, reusing one HTTP context per stream as Kestrel allows.</summary>
internal sealed class EchoApplication : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures)
    {
        if (contextFeatures is IHostContextContainer<HttpContext> { HostContext: DefaultHttpContext reused })
        {
            reused.Initialize(contextFeatures);
            return reused;
        }

        var context = new DefaultHttpContext(contextFeatures);
        if (contextFeatures is IHostContextContainer<HttpContext> owner)
        {
            owner.HostContext = context;
        }

        return context;
    }

    public void DisposeContext(HttpContext context, Exception? exception) => ((DefaultHttpContext)context).Uninitialize();

    public Task ProcessRequestAsync(HttpContext context) => EchoHandler.HandleAsync(context);
}
