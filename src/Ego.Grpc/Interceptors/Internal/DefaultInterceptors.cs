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
        var settings = new AccessLogSettings
        {
            Component = ServerComponent,
            Name = name,
            Address = options.Network == "unix" ? host : options.Port == 0 ? "" : host + ":" + options.Port,
            Enabled = options.EnableAccessInterceptor,
            EnableRequest = options.EnableAccessInterceptorReq,
            EnableResponse = options.EnableAccessInterceptorRes,
            RequestMaxLength = options.AccessInterceptorReqMaxLength,
            ResponseMaxLength = options.AccessInterceptorResMaxLength,
            SlowThreshold = options.SlowLogThreshold,
            Debug = environment?.Debug ?? false,
            ExtraKeys = LogExtraKeys.Normalize(environment?.LogExtraKeys ?? []),
            DebugOutput = debugOutput,
            IncludeScopes = false,
        };
        var access = new AccessLogger(loggerFactory.CreateLogger("Ego.Grpc.Server.Access"), settings);
        return new GrpcServerObservabilityInterceptor(access, options.EnableMetricInterceptor, options.EnableSkipHealthLog);
    }

    public static Interceptor Client(string name, GrpcClientOptions options, EgoEnvironment? environment, ILoggerFactory loggerFactory, TextWriter? debugOutput)
    {
        var settings = new AccessLogSettings
        {
            Component = ClientComponent,
            Name = name,
            Address = options.Addr,
            Enabled = options.EnableAccessInterceptor,
            EnableRequest = options.EnableAccessInterceptorReq,
            EnableResponse = options.EnableAccessInterceptorRes,
            RequestMaxLength = options.AccessInterceptorReqMaxLength,
            ResponseMaxLength = options.AccessInterceptorResMaxLength,
            SlowThreshold = options.SlowLogThreshold,
            Debug = environment?.Debug ?? false,
            ExtraKeys = LogExtraKeys.Normalize(environment?.LogExtraKeys ?? []),
            DebugOutput = debugOutput,
        };
        var access = new AccessLogger(loggerFactory.CreateLogger("Ego.Grpc.Client.Access"), settings);
        var appName = options.EnableAppNameInterceptor ? (environment ?? new EgoEnvironment()).AppName : null;
        return new GrpcClientObservabilityInterceptor(access, appName, options.EnableMetricInterceptor);
    }
}
