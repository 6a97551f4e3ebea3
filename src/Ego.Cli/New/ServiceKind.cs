namespace Ego.Cli.New;

/// <summary>What <c>egoctl new</c> creates: a gRPC service, an HTTP service, or one with both servers.</summary>
internal enum ServiceKind
{
    Grpc,
    Http,
    Both,
}
