using System.Collections.Frozen;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Ego.Hosting;
using Microsoft.Extensions.Logging;

namespace Ego.Grpc.Internal.Server;

/// <summary>
/// The Kestrel application: checks the protocol and content-type, then dispatches on <c>:path</c> with one frozen
/// dictionary lookup. No routing or middleware on the hot path; HTTP contexts are reused across streams.
/// </summary>
internal sealed class GrpcHttpApplication(FrozenDictionary<string, ServerCallHandler> handlers, FrozenSet<string> services, ILogger logger, IServiceProvider? requestServices = null, ApplicationLifecycle? lifecycle = null)
    : IHttpApplication<HttpContext>
{
    private volatile bool refusing;

    /// <summary>
    /// Set when the server stops: calls arriving from then on get UNAVAILABLE instead of racing the shutdown. Calls are
    /// refused too once the hosting application's drain is over.
    /// </summary>
    public bool Refusing
    {
        get => refusing;
        set => refusing = value;
    }

    /// <summary>Every method served, as <c>/package.Service/Method</c>, sorted.</summary>
    public IReadOnlyList<string> Methods { get; } = [.. handlers.Keys.Order(StringComparer.Ordinal)];

    public HttpContext CreateContext(IFeatureCollection contextFeatures)
    {
        DefaultHttpContext context;
        if (contextFeatures is IHostContextContainer<HttpContext> { HostContext: DefaultHttpContext reused })
        {
            reused.Initialize(contextFeatures);
            context = reused;
        }
        else
        {
            context = new DefaultHttpContext(contextFeatures);
            if (contextFeatures is IHostContextContainer<HttpContext> owner)
            {
                owner.HostContext = context;
            }
        }

        if (requestServices is not null)
        {
            context.RequestServices = requestServices;
        }

        return context;
    }

    public void DisposeContext(HttpContext context, Exception? exception)
    {
        if (context is DefaultHttpContext defaultContext)
        {
            defaultContext.Uninitialize();
        }
    }

    public Task ProcessRequestAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return Reject(context, StatusCodes.Status405MethodNotAllowed, $"gRPC requires POST, got {request.Method}");
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            return Reject(context, StatusCodes.Status415UnsupportedMediaType, $"invalid gRPC request content-type '{request.ContentType}': expected application/grpc");
        }

        if (request.Protocol != "HTTP/2")
        {
            return Reject(context, StatusCodes.Status426UpgradeRequired, $"gRPC requires HTTP/2, got {request.Protocol}");
        }

        if (refusing || lifecycle is { IsAccepting: false })
        {
            return Refuse(context);
        }

        var path = request.Path.Value ?? "";
        if (handlers.TryGetValue(path, out var handler))
        {
            return handler.HandleAsync(context);
        }

        return Unimplemented(context, path);
    }

    private Task Unimplemented(HttpContext context, string path)
    {
        var slash = path.LastIndexOf('/');
        var service = slash > 0 ? path[1..slash] : path.TrimStart('/');
        var detail = services.Contains(service)
            ? $"unknown method {path[(slash + 1)..]} for service {service}"
            : $"unknown service {service}";
        var response = context.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = GrpcProtocol.ToWire(StatusCode.Unimplemented);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(detail);
        return Task.CompletedTask;
    }

    private static Task Refuse(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = GrpcProtocol.ToWire(StatusCode.Unavailable);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode("server is stopping");
        return Task.CompletedTask;
    }

    private Task Reject(HttpContext context, int httpStatus, string reason)
    {
        GrpcServerLog.RequestRejected(logger, reason);
        var response = context.Response;
        response.StatusCode = httpStatus;
        response.Headers[GrpcProtocol.StatusHeader] = GrpcProtocol.ToWire(StatusCode.Internal);
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(reason);
        if (httpStatus == StatusCodes.Status426UpgradeRequired)
        {
            response.Headers.Upgrade = "h2c";
            response.Headers.Connection = "Upgrade";
        }

        return Task.CompletedTask;
    }
}
