using Ego.Hosting;
using Ego.Observability;
using Microsoft.Extensions.Logging;

namespace Ego.Grpc.Interceptors.Internal;

/// <summary>The interceptors every server and client gets, made from their options and the application's environment.</summary>
internal static class DefaultInterceptors
{
    public const string ServerComponent = "server.egrpc";

    public const string ClientComponent = "client.egrpc";

    public static Interceptor Server(string name, GrpcServerOptions options, string host, EgoEnvironment? environment, ILoggerFactory loggerFactory, TextWriter? debugOutput)
    {
        var address = options.Network == "unix" ? host : options.Port == 0 ? "" : host + ":" + options.Port;

        // Server lines leave the transport's scopes (connection ids) out.
        var settings = AccessLogSettings.Create(ServerComponent, name, address, options, environment, debugOutput, includeScopes: false);
        var access = new AccessLogger(loggerFactory.CreateLogger("Ego.Grpc.Server.Access"), settings);
        return new GrpcServerObservabilityInterceptor(access, options.EnableMetricInterceptor, options.EnableSkipHealthLog);
    }

    public static Interceptor Client(string name, GrpcClientOptions options, EgoEnvironment? environment, ILoggerFactory loggerFactory, TextWriter? debugOutput)
    {
        var settings = AccessLogSettings.Create(ClientComponent, name, options.Addr, options, environment, debugOutput);
        var access = new AccessLogger(loggerFactory.CreateLogger("Ego.Grpc.Client.Access"), settings);
        var appName = options.EnableAppNameInterceptor ? (environment ?? new EgoEnvironment()).AppName : null;
        return new GrpcClientObservabilityInterceptor(access, appName, options.EnableMetricInterceptor);
    }
}
