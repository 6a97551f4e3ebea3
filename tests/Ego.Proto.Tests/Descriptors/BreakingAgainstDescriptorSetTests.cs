using Ego.Proto.Breaking;
using Ego.Proto.Descriptors;

namespace Ego.Proto.Tests.Descriptors;

/// <summary>Each kind of breaking change, found when the previous version is a compiled descriptor set.</summary>
public sealed class BreakingAgainstDescriptorSetTests : IDisposable
{
    private readonly ProtoWorkspace workspace = SampleProtos.Workspace();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("string id = 1;\n  repeated Line", "repeated Line", "FIELD_REMOVED", "field 1 \"id\" on message \"shop.order.v1.Order\" was removed")]
    [InlineData("Status status = 8;", "Status status = 9;", "FIELD_NUMBER_CHANGED", "field \"status\" on message \"shop.order.v1.Order\" changed number from 8 to 9")]
    [InlineData("Money cash = 6;", "int64 cash = 6;", "FIELD_TYPE_CHANGED", "changed type from \"shop.order.v1.Money\" to \"int64\"")]
    [InlineData("map<int32, string> notes = 4;", "map<int64, string> notes = 4;", "FIELD_TYPE_CHANGED", "changed type from \"map<int32, string>\" to \"map<int64, string>\"")]
    [InlineData("map<int32, string> notes = 4;", "repeated string notes = 4;", "FIELD_CARDINALITY_CHANGED", "changed from map to repeated")]
    [InlineData("optional int32 version = 2;", "int32 version = 2;", "FIELD_CARDINALITY_CHANGED", "changed from optional to singular")]
    [InlineData("    Money cash = 6;\n  }", "  }\n  Money cash = 6;", "FIELD_ONEOF_CHANGED", "field 6 \"cash\" on message \"shop.order.v1.Order\" moved from oneof \"payment\" to no oneof")]
    [InlineData("[json_name = \"created\"]", "", "FIELD_JSON_NAME_CHANGED", "changed JSON name from \"created\" to \"createdAt\"")]
    [InlineData("rpc GetOrder(GetOrderRequest) returns (Order);", "", "RPC_REMOVED", "rpc \"shop.order.v1.OrderService.GetOrder\" was removed")]
    [InlineData("returns (stream Order)", "returns (Order)", "RPC_SERVER_STREAMING_CHANGED", "changed server streaming from true to false")]
    [InlineData("Watch(stream GetOrderRequest)", "Watch(GetOrderRequest)", "RPC_CLIENT_STREAMING_CHANGED", "changed client streaming from true to false")]
    [InlineData("  STATUS_OPEN = 1;\n", "", "ENUM_VALUE_REMOVED", "enum value 1 \"STATUS_OPEN\" on enum \"shop.order.v1.Status\" was removed")]
    [InlineData("Status status = 8;", "Status status = 8;\n  int32 extra = 11;", "RESERVED_NUMBER_REUSED", "field \"extra\" on message \"shop.order.v1.Order\" uses number 11")]
    [InlineData("Status status = 8;", "Status status = 8;\n  int32 old = 9;", "RESERVED_NAME_REUSED", "field \"old\" on message \"shop.order.v1.Order\" uses a name that was reserved")]
    [InlineData("KIND_ITEM = 1;", "KIND_ITEM = 1;\n    KIND_BOX = 7;", "RESERVED_NUMBER_REUSED", "enum value \"KIND_BOX\" on enum \"shop.order.v1.Order.Kind\" uses number 7")]
    [InlineData("message GetOrderRequest {", "message FetchOrderRequest {", "MESSAGE_REMOVED", "message \"shop.order.v1.GetOrderRequest\" was removed")]
    [InlineData("package shop.order.v1;", "package shop.orders.v1;", "PACKAGE_CHANGED", "package changed from \"shop.order.v1\" to \"shop.orders.v1\"")]
    public void Compare_ChangeAgainstDescriptorSet_ReportsIt(string before, string after, string rule, string message)
    {
        var changes = CompareAfterEdit(before, after);

        Assert.Contains(changes, c => c.RuleId == rule && c.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Status status = 8;", "Status status = 8;\n  int32 extra = 13;")]
    [InlineData("KIND_ITEM = 1;", "KIND_ITEM = 1;\n    KIND_BOX = 8;")]
    [InlineData("Status status = 8;", "Status status = 8;\n  int32 extra = 9;")]
    public void Compare_NumberJustOutsideAReservedRange_IsNotReported(string before, string after)
    {
        Assert.Empty(CompareAfterEdit(before, after));
    }

    [Fact]
    public void Compare_RemovedField_PointsAtItsLineInTheBaselineSource()
    {
        var changes = CompareAfterEdit("  Status status = 8;\n", "");

        var removed = Assert.Single(changes);
        Assert.Equal($"{SampleProtos.OrderPath}:42:3 FIELD_REMOVED", $"{removed.Path}:{removed.Position} {removed.RuleId}");
    }

    [Fact]
    public void Compare_RemovedFieldWithoutSourceInfo_PointsAtTheFileStart()
    {
        var changes = CompareAfterEdit("  Status status = 8;\n", "", sourceInfo: false);

        var removed = Assert.Single(changes);
        Assert.Equal($"{SampleProtos.OrderPath}:1:1 FIELD_REMOVED", $"{removed.Path}:{removed.Position} {removed.RuleId}");
    }

    private IReadOnlyList<ProtoDiagnostic> CompareAfterEdit(string before, string after, bool sourceInfo = true)
    {
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile(sourceInfo));
        Assert.Contains(before, SampleProtos.Order, StringComparison.Ordinal);
        workspace.Write(SampleProtos.OrderPath, SampleProtos.Order.Replace(before, after, StringComparison.Ordinal));
        var sources = workspace.Sources().Files;
        return BreakingChangeDetector.Compare(DescriptorBaseline.Select(baseline, sources), sources);
    }
}
