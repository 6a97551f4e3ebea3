using Ego.Proto.Breaking;
using Ego.Proto.Syntax;

namespace Ego.Proto.Tests;

public sealed class BreakingChangeDetectorTests
{
    private const string Path = "ego/shop/v1/shop.proto";

    private const string Before = """
        syntax = "proto3";
        package ego.shop.v1;
        service Shop {
          rpc GetOrder(GetOrderRequest) returns (Order);
          rpc Watch(WatchRequest) returns (stream Order);
        }
        message GetOrderRequest { string order_id = 1; }
        message WatchRequest { string order_id = 1; }
        message Order {
          string id = 1;
          repeated string items = 2;
          map<string, int32> quantities = 3;
          oneof payment { string card = 4; string voucher = 5; }
          string note = 6 [json_name = "memo"];
          optional int32 priority = 7;
          Status status = 8;
          reserved 20 to 25;
          reserved "legacy";
          message Line { int64 sku = 1; }
        }
        enum Status { STATUS_UNSPECIFIED = 0; STATUS_OPEN = 1; reserved 9; reserved "STATUS_GONE"; }
        """;

    public static TheoryData<string, string, string> BreakingEdits => new()
    {
        { "PACKAGE_CHANGED", "package ego.shop.v1;", "package ego.shop.v2;" },
        { "MESSAGE_REMOVED", "message Line { int64 sku = 1; }", "" },
        { "FIELD_REMOVED", "string note = 6 [json_name = \"memo\"];", "" },
        { "FIELD_NAME_CHANGED", "string id = 1;", "string order_id = 1;" },
        { "FIELD_NUMBER_CHANGED", "Status status = 8;", "Status status = 9;" },
        { "FIELD_TYPE_CHANGED", "Status status = 8;", "int32 status = 8;" },
        { "FIELD_TYPE_CHANGED", "map<string, int32>", "map<string, int64>" },
        { "FIELD_CARDINALITY_CHANGED", "repeated string items = 2;", "string items = 2;" },
        { "FIELD_CARDINALITY_CHANGED", "optional int32 priority = 7;", "int32 priority = 7;" },
        { "FIELD_CARDINALITY_CHANGED", "map<string, int32> quantities = 3;", "repeated int32 quantities = 3;" },
        { "FIELD_ONEOF_CHANGED", "string voucher = 5; }", "}\n  string voucher = 5;" },
        { "FIELD_JSON_NAME_CHANGED", "json_name = \"memo\"", "json_name = \"comment\"" },
        { "ENUM_REMOVED", "enum Status {", "enum OrderStatus {" },
        { "ENUM_VALUE_REMOVED", "STATUS_OPEN = 1; ", "" },
        { "ENUM_VALUE_NAME_CHANGED", "STATUS_OPEN = 1;", "STATUS_ACTIVE = 1;" },
        { "SERVICE_REMOVED", "service Shop {", "service Store {" },
        { "RPC_REMOVED", "  rpc Watch(WatchRequest) returns (stream Order);\n", "" },
        { "RPC_REQUEST_TYPE_CHANGED", "rpc GetOrder(GetOrderRequest)", "rpc GetOrder(WatchRequest)" },
        { "RPC_RESPONSE_TYPE_CHANGED", "returns (Order);", "returns (GetOrderRequest);" },
        { "RPC_CLIENT_STREAMING_CHANGED", "rpc GetOrder(GetOrderRequest)", "rpc GetOrder(stream GetOrderRequest)" },
        { "RPC_SERVER_STREAMING_CHANGED", "returns (stream Order)", "returns (Order)" },
        { "RESERVED_NUMBER_REUSED", "reserved 20 to 25;", "string extra = 21;" },
        { "RESERVED_NUMBER_REUSED", "reserved 9;", "STATUS_OLD = 9;" },
        { "RESERVED_NAME_REUSED", "reserved \"legacy\";", "string legacy = 30;" },
        { "RESERVED_NAME_REUSED", "reserved \"STATUS_GONE\";", "STATUS_GONE = 3;" },
    };

    public static TheoryData<string, string> CompatibleEdits => new()
    {
        { "  optional int32 priority = 7;", "  optional int32 priority = 7;\n  string added = 40;" },
        { "}\nmessage GetOrderRequest", "  rpc Cancel(GetOrderRequest) returns (Order);\n}\nmessage GetOrderRequest" },
        { "STATUS_OPEN = 1;", "STATUS_OPEN = 1; STATUS_CLOSED = 2;" },
        { "message Order {", "// Order is a purchase.\nmessage Order { // with comments" },
        { "returns (Order);", "returns (.ego.shop.v1.Order);" },
        { "string note = 6 [json_name = \"memo\"];", "reserved 6;" },
        { "STATUS_OPEN = 1; ", "reserved 1; " },
        { "message Line { int64 sku = 1; }", "message Line {\n    // Stock keeping unit.\n    int64 sku = 1;\n  }" },
    };

    private static ProtoFile Parse(string text) => ProtoParser.Parse(text, Path);

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Before, StringComparison.Ordinal);
        return Before.Replace(find, replace, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BreakingEdits))]
    public void Compare_BreakingEdit_ReportsRule(string rule, string find, string replace)
    {
        var findings = BreakingChangeDetector.Compare([Parse(Before)], [Parse(Edit(find, replace))]);

        Assert.Contains(findings, d => d.RuleId == rule);
    }

    [Theory]
    [MemberData(nameof(CompatibleEdits))]
    public void Compare_CompatibleEdit_ReportsNothing(string find, string replace)
    {
        var findings = BreakingChangeDetector.Compare([Parse(Before)], [Parse(Edit(find, replace))]);

        Assert.Empty(findings);
    }

    [Fact]
    public void BreakingEdits_CoverEveryRule()
    {
        var covered = BreakingEdits.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(BreakingChangeDetector.Rules.Select(r => r.Id).Order(), covered.Order());
    }

    [Fact]
    public void Compare_FieldRemoved_PointsIntoOldFile()
    {
        var after = ProtoParser.Parse(Edit("  string note = 6 [json_name = \"memo\"];\n", ""), "new/shop.proto");

        var finding = Assert.Single(BreakingChangeDetector.Compare([Parse(Before)], [after]));

        Assert.Equal(
            "ego/shop/v1/shop.proto:14:3 FIELD_REMOVED field 6 \"note\" on message \"ego.shop.v1.Order\" was removed (reserve its number and name instead)",
            finding.ToString());
    }

    [Fact]
    public void Compare_FieldTypeChanged_PointsIntoNewFile()
    {
        var after = ProtoParser.Parse("\n" + Edit("Status status = 8;", "int32 status = 8;"), Path);

        var finding = Assert.Single(BreakingChangeDetector.Compare([Parse(Before)], [after]));

        Assert.Equal(
            "ego/shop/v1/shop.proto:17:3 FIELD_TYPE_CHANGED field 8 \"status\" on message \"ego.shop.v1.Order\" changed type from \"ego.shop.v1.Status\" to \"int32\"",
            finding.ToString());
    }

    [Fact]
    public void Compare_IdenticalSets_ReportsNothing()
    {
        Assert.Empty(BreakingChangeDetector.Compare([Parse(Before)], [Parse(Before)]));
    }

    [Fact]
    public void Compare_MessageMovedBetweenFilesOfSamePackage_ReportsNothing()
    {
        var order = "syntax = \"proto3\";\npackage ego.shop.v1;\nmessage Extra { string id = 1; }\n";
        var before = new[] { Parse(Before), ProtoParser.Parse(order, "ego/shop/v1/extra.proto") };
        var after = new[] { Parse(Before + "\nmessage Extra { string id = 1; }\n"), ProtoParser.Parse("syntax = \"proto3\";\npackage ego.shop.v1;\n", "ego/shop/v1/extra.proto") };

        Assert.Empty(BreakingChangeDetector.Compare(before, after));
    }
}
