namespace Ego.Proto.Tests.Descriptors;

/// <summary>Sources that exercise every part of the model a descriptor set has to reproduce.</summary>
internal static class SampleProtos
{
    public const string OrderPath = "shop/order/v1/order.proto";

    public const string MoneyPath = "shop/order/v1/money.proto";

    public const string LegacyPath = "shop/legacy/v1/legacy.proto";

    public const string Order = """
        syntax = "proto3";

        package shop.order.v1;

        import "google/protobuf/timestamp.proto";
        import "shop/order/v1/money.proto";

        // Orders.
        service OrderService {
          rpc GetOrder(GetOrderRequest) returns (Order);
          rpc Watch(stream GetOrderRequest) returns (stream Order);
        }

        message GetOrderRequest {
          string id = 1;
          optional int32 version = 2;
        }

        message Order {
          message Line {
            string sku = 1;
            Money price = 2;
            Kind kind = 3;
          }

          enum Kind {
            KIND_UNSPECIFIED = 0;
            KIND_ITEM = 1;
            reserved 5 to 7;
            reserved "KIND_OLD";
          }

          string id = 1;
          repeated Line lines = 2;
          map<string, Line> lines_by_sku = 3;
          map<int32, string> notes = 4;
          oneof payment {
            string card = 5;
            Money cash = 6;
          }
          google.protobuf.Timestamp created_at = 7 [json_name = "created"];
          Status status = 8;
          reserved 10 to 12, 20 to max;
          reserved "old";
        }

        enum Status {
          STATUS_UNSPECIFIED = 0;
          STATUS_OPEN = 1;
        }

        """;

    public const string Money = """
        syntax = "proto3";

        package shop.order.v1;

        message Money {
          int64 cents = 1;
          string currency = 2;
        }

        """;

    public const string Legacy = """
        syntax = "proto2";

        package shop.legacy.v1;

        message Legacy {
          required string id = 1;
          optional int32 count = 2;
          repeated string tags = 3;
          oneof choice {
            string a = 4;
            int32 b = 5;
          }
          extensions 100 to 199;
        }

        """;

    public static ProtoWorkspace Workspace() => new ProtoWorkspace()
        .Write(OrderPath, Order)
        .Write(MoneyPath, Money)
        .Write(LegacyPath, Legacy);
}
