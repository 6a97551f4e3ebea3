using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Ego.Proto.Descriptors.Internal;

/// <summary>Reads a <c>FileDescriptorSet</c> (what <c>protoc --descriptor_set_out</c> writes) as a <see cref="ProtoSet"/>.</summary>
internal static class DescriptorSetReader
{
    public static ProtoSet Convert(FileDescriptorSet set) => new([.. set.File.Select(DescriptorConverter.Convert)], []);

    public static ProtoSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Descriptor set '{path}' does not exist; expected a file written by protoc --descriptor_set_out.", path);
        }

        return Convert(Parse(File.ReadAllBytes(path), path));
    }

    private static FileDescriptorSet Parse(byte[] bytes, string path)
    {
        var expected = "expected a FileDescriptorSet as written by protoc --descriptor_set_out";
        FileDescriptorSet set;
        try
        {
            set = FileDescriptorSet.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new InvalidDataException($"'{path}' is not a descriptor set ({expected}): {exception.Message}", exception);
        }

        // Protobuf parsing is lenient: arbitrary bytes can decode as unknown fields, so check the content looks like protoc's.
        if (set.File.Count == 0)
        {
            throw new InvalidDataException($"'{path}' holds no .proto file descriptors; {expected}.");
        }

        var unnamed = set.File.FirstOrDefault(f => !f.Name.EndsWith(".proto", StringComparison.Ordinal));
        var known = set.File.Sum(f => 1 + CodedOutputStream.ComputeMessageSize(f));
        if (unnamed is not null || known != bytes.Length)
        {
            throw new InvalidDataException($"'{path}' is not a descriptor set: it holds data protoc does not write; {expected}.");
        }

        return set;
    }
}
