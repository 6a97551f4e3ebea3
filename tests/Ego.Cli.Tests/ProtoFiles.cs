namespace Ego.Cli.Tests;

/// <summary>A temporary directory of .proto files, deleted on dispose.</summary>
internal sealed class ProtoFiles : IDisposable
{
    public const string Good = """
        syntax = "proto3";

        package shop.order.v1;

        // Orders.
        service OrderService {
          // Returns one order.
          rpc GetOrder(GetOrderRequest) returns (Order);
        }

        // Which order.
        message GetOrderRequest {
          // The order id.
          string id = 1;
        }

        // An order.
        message Order {
          // The order id.
          string id = 1;
          // The amount in cents.
          int64 amount = 2;
        }

        """;

    public ProtoFiles()
    {
        Root = Directory.CreateTempSubdirectory("egoctl-").FullName;
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
