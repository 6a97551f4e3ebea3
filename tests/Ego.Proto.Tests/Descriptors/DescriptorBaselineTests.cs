using Ego.Proto.Breaking;
using Ego.Proto.Descriptors;

namespace Ego.Proto.Tests.Descriptors;

public sealed class DescriptorBaselineTests : IDisposable
{
    private const string Vendor = """
        syntax = "proto3";

        package acme.audit.v1;

        message Stamp {
          string by = 1;
        }

        """;

    private readonly ProtoWorkspace workspace = SampleProtos.Workspace();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Select_IncludedWellKnownTypes_AreLeftOut()
    {
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile());

        var selected = DescriptorBaseline.Select(baseline, workspace.Sources().Files);

        Assert.Contains(baseline.Files, f => f.Path == "google/protobuf/timestamp.proto");
        Assert.Equal([SampleProtos.LegacyPath, SampleProtos.MoneyPath, SampleProtos.OrderPath], selected.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Select_ImportFromAnotherPackageNotInTheSources_IsLeftOut()
    {
        workspace.Write("acme/audit/v1/stamp.proto", Vendor)
            .Write(SampleProtos.OrderPath, SampleProtos.Order.Replace("import \"shop", "import \"acme/audit/v1/stamp.proto\";\nimport \"shop", StringComparison.Ordinal));
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile());
        workspace.Delete("acme/audit/v1/stamp.proto");
        var sources = workspace.Sources().Files;

        Assert.Empty(BreakingChangeDetector.Compare(DescriptorBaseline.Select(baseline, sources), sources));
    }

    [Theory]
    [InlineData(SampleProtos.LegacyPath, "message \"shop.legacy.v1.Legacy\" was removed")]
    [InlineData(SampleProtos.MoneyPath, "message \"shop.order.v1.Money\" was removed")]
    public void Select_SourceFileDeletedSinceTheBaseline_IsStillCompared(string deleted, string message)
    {
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile());
        workspace.Delete(deleted);
        var sources = workspace.Sources().Files;

        var changes = BreakingChangeDetector.Compare(DescriptorBaseline.Select(baseline, sources), sources);

        Assert.Contains(changes, c => c.RuleId == "MESSAGE_REMOVED" && c.Path == deleted && c.Message == message);
    }

    [Fact]
    public void Select_SourcesReadFromAParentDirectory_TakeTheSourcePaths()
    {
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile());
        var sources = ProtoSet.Parse([
            new("protos/" + SampleProtos.OrderPath, SampleProtos.Order.Replace("package shop.order.v1;", "package shop.orders.v1;", StringComparison.Ordinal)),
            new("protos/" + SampleProtos.MoneyPath, SampleProtos.Money),
        ]).Files;

        var changes = BreakingChangeDetector.Compare(DescriptorBaseline.Select(baseline, sources), sources);

        Assert.Contains(changes, c => c.ToString() == "protos/shop/order/v1/order.proto:3:1 PACKAGE_CHANGED package changed from \"shop.order.v1\" to \"shop.orders.v1\"");
        Assert.Contains(changes, c => c.Path == "protos/shop/order/v1/order.proto" && c.RuleId == "MESSAGE_REMOVED");
    }

    [Fact]
    public void Select_TwoBaselineNamesEndingTheSourcePath_PairsTheSourceWithTheLongest()
    {
        workspace.Write("order.proto", "syntax = \"proto3\";\n\npackage root;\n\nmessage Other {\n}\n");
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile());
        var sources = ProtoSet.Parse([new("protos/" + SampleProtos.OrderPath, SampleProtos.Order)]).Files;

        var selected = DescriptorBaseline.Select(baseline, sources);

        Assert.Equal("protos/" + SampleProtos.OrderPath, selected.Single(f => f.PackageName == "shop.order.v1" && f.Services.Any()).Path);
        Assert.Equal("order.proto", selected.Single(f => f.PackageName == "root").Path);
    }

    [Fact]
    public void Select_SourceOfAnotherFileName_KeepsTheBaselineName()
    {
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile());
        var sources = ProtoSet.Parse([new("protos/other/" + SampleProtos.MoneyPath + ".bak.proto", SampleProtos.Money)]).Files;

        var selected = DescriptorBaseline.Select(baseline, sources);

        Assert.Contains(selected, f => f.Path == SampleProtos.MoneyPath);
    }
}
