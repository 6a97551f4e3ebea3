using Ego.Proto.Breaking;
using Ego.Proto.Descriptors;
using Ego.Proto.Syntax;

namespace Ego.Proto.Tests.Descriptors;

public sealed class ProtoSetLoadDescriptorSetTests : IDisposable
{
    private readonly ProtoWorkspace workspace = SampleProtos.Workspace();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LoadDescriptorSet_CompiledFromTheSameSources_ComparesEqualBothWays(bool sourceInfo)
    {
        var baseline = ProtoSet.LoadDescriptorSet(workspace.Compile(sourceInfo));
        var sources = workspace.Sources().Files;

        Assert.Empty(BreakingChangeDetector.Compare(DescriptorBaseline.Select(baseline, sources), sources));
        Assert.Empty(BreakingChangeDetector.Compare(sources, baseline.Files));
    }

    [Fact]
    public void LoadDescriptorSet_MapOneofAndOptionalFields_ReadAsWrittenInSource()
    {
        var order = Message(ProtoSet.LoadDescriptorSet(workspace.Compile()), SampleProtos.OrderPath, "Order");

        var map = order.Fields.Single(f => f.Name == "lines_by_sku");
        Assert.Equal(("string", ".shop.order.v1.Order.Line", FieldLabel.None), (map.MapKeyType, map.Type, map.Label));
        Assert.Equal(["Line"], order.Messages.Select(m => m.Name));
        Assert.Equal(["card", "cash"], order.Oneofs.Single().Fields.Select(f => f.Name));
        Assert.Equal("created", order.Fields.Single(f => f.Name == "created_at").JsonName);
        Assert.Null(order.Fields.Single(f => f.Name == "id").JsonName);
        Assert.Equal([new ProtoRange(10, 12), new ProtoRange(20, 536_870_911, EndIsMax: true)], order.Reserved.SelectMany(r => r.Ranges));
        Assert.Equal([new ProtoRange(5, 7)], order.Enums.Single().Reserved.SelectMany(r => r.Ranges));
        Assert.Equal(["old"], order.Reserved.SelectMany(r => r.Names));
    }

    [Fact]
    public void LoadDescriptorSet_Proto3OptionalAndProto2Labels_KeepTheirLabels()
    {
        var set = ProtoSet.LoadDescriptorSet(workspace.Compile());
        var request = Message(set, SampleProtos.OrderPath, "GetOrderRequest");
        var legacy = Message(set, SampleProtos.LegacyPath, "Legacy");

        Assert.Equal([FieldLabel.None, FieldLabel.Optional], request.Fields.Select(f => f.Label));
        Assert.Empty(request.Oneofs);
        Assert.Equal([FieldLabel.Required, FieldLabel.Optional, FieldLabel.Repeated], legacy.Fields.Select(f => f.Label));
        Assert.All(legacy.Oneofs.Single().Fields, f => Assert.Equal(FieldLabel.None, f.Label));
    }

    [Fact]
    public void LoadDescriptorSet_WithSourceInfo_PositionsAreOneBasedSourcePositions()
    {
        var set = ProtoSet.LoadDescriptorSet(workspace.Compile());
        var file = set.Files.Single(f => f.Path == SampleProtos.OrderPath);
        var rpc = file.Services.Single().Rpcs.Last();

        Assert.Equal(new SourcePosition(3, 1), file.Package!.Position);
        Assert.Equal(new SourcePosition(19, 1), Message(set, SampleProtos.OrderPath, "Order").Position);
        Assert.Equal(new SourcePosition(11, 3), rpc.Position);
        Assert.Equal(new SourcePosition(11, 7), rpc.NamePosition);
        Assert.True(rpc.RequestStream && rpc.ResponseStream);
    }

    [Fact]
    public void LoadDescriptorSet_WithoutSourceInfo_EveryElementSitsAtTheFileStart()
    {
        var order = Message(ProtoSet.LoadDescriptorSet(workspace.Compile(sourceInfo: false)), SampleProtos.OrderPath, "Order");

        Assert.All(order.Fields, f => Assert.Equal(new SourcePosition(1, 1), f.Position));
    }

    [Fact]
    public void LoadDescriptorSet_TextFile_ThrowsNamingTheFileAndWhatWasExpected()
    {
        var path = Path.Combine(workspace.Root, SampleProtos.OrderPath);

        var error = Assert.Throws<InvalidDataException>(() => ProtoSet.LoadDescriptorSet(path));

        Assert.Contains($"'{path}' is not a descriptor set", error.Message);
        Assert.Contains("expected a FileDescriptorSet as written by protoc --descriptor_set_out", error.Message);
    }

    [Fact]
    public void LoadDescriptorSet_EmptyFile_ThrowsSayingItHoldsNoFiles()
    {
        var path = Path.Combine(workspace.Root, "empty.pb");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<InvalidDataException>(() => ProtoSet.LoadDescriptorSet(path));

        Assert.Contains($"'{path}' holds no .proto file descriptors", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x10, 0x01 })]
    [InlineData(new byte[] { 0x0A, 0x03, 0x0A, 0x01, (byte)'x' })]
    public void LoadDescriptorSet_DataProtocDoesNotWrite_ThrowsNamingTheFile(byte[] data)
    {
        var path = Path.Combine(workspace.Root, "other.pb");
        File.WriteAllBytes(path, [.. File.ReadAllBytes(workspace.Compile()), .. data]);

        var error = Assert.Throws<InvalidDataException>(() => ProtoSet.LoadDescriptorSet(path));

        Assert.Contains($"'{path}' is not a descriptor set: it holds data protoc does not write", error.Message);
    }

    [Fact]
    public void LoadDescriptorSet_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(workspace.Root, "missing.pb");

        var error = Assert.Throws<FileNotFoundException>(() => ProtoSet.LoadDescriptorSet(path));

        Assert.Contains($"Descriptor set '{path}' does not exist", error.Message);
    }

    private static ProtoMessage Message(ProtoSet set, string path, string name) =>
        set.Files.Single(f => f.Path == path).Messages.Single(m => m.Name == name);
}
