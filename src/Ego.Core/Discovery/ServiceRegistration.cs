namespace Ego.Discovery;

/// <summary>What a server publishes about itself in a registry.</summary>
/// <param name="AppName">The application name (<c>EGO_NAME</c> / <c>app.name</c>) clients resolve, e.g. <c>etcd:///orders</c>.</param>
/// <param name="Kind">The server kind: <c>grpc</c> or <c>http</c>.</param>
/// <param name="ServerName">The config key of the server, e.g. <c>server.grpc</c>.</param>
/// <param name="Endpoint">The address other processes reach the server on.</param>
public sealed record ServiceRegistration(string AppName, string Kind, string ServerName, ServiceEndpoint Endpoint);
