using Ego.Proto.Syntax;
using Google.Protobuf.Reflection;
using static Ego.Proto.Descriptors.Internal.DescriptorPath;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;

namespace Ego.Proto.Descriptors.Internal;

internal sealed partial class DescriptorConverter
{
    /// <summary>The largest field number; a descriptor's exclusive end one past it was written <c>to max</c>.</summary>
    private const long MaxFieldNumber = 536_870_911;

    /// <summary>A message; <paramref name="scope"/> is the enclosing package or message with a leading dot (empty for no package).</summary>
    private ProtoMessage Message(DescriptorProto message, int[] path, string scope)
    {
        var fullName = scope + "." + message.Name;
        var mapEntries = message.NestedType.Where(n => n.Options?.MapEntry == true)
            .ToDictionary(n => fullName + "." + n.Name, StringComparer.Ordinal);
        var body = new List<ProtoElement>();
        body.AddRange(Fields(message, path, mapEntries));
        for (var j = 0; j < message.NestedType.Count; j++)
        {
            if (message.NestedType[j].Options?.MapEntry != true)
            {
                body.Add(Message(message.NestedType[j], Append(path, MessageNested, j), fullName));
            }
        }

        body.AddRange(message.EnumType.Select((e, j) => (ProtoElement)Enum(e, Append(path, MessageEnums, j))));
        body.AddRange(message.ReservedRange.Select((r, j) => Reserved(
            new ProtoRange(r.Start, r.End - 1, EndIsMax: r.End - 1 >= MaxFieldNumber), Append(path, MessageReservedRanges, j))));
        body.AddRange(message.ReservedName.Select((name, j) => ReservedName(name, Append(path, MessageReservedNames, j))));
        return new ProtoMessage { Name = message.Name, Body = body, Position = Start(path), NamePosition = NameAt(path) };
    }

    /// <summary>Fields in declaration order; members of a real oneof go into it, placed where its first member is.</summary>
    private List<ProtoElement> Fields(DescriptorProto message, int[] path, Dictionary<string, DescriptorProto> mapEntries)
    {
        var body = new List<ProtoElement>();
        var oneofs = new Dictionary<int, List<ProtoElement>>();
        for (var k = 0; k < message.Field.Count; k++)
        {
            var descriptor = message.Field[k];
            var inOneof = descriptor.HasOneofIndex && !descriptor.Proto3Optional;
            var field = Field(descriptor, Append(path, MessageFields, k), inOneof, mapEntries);
            if (!inOneof)
            {
                body.Add(field);
            }
            else if (oneofs.TryGetValue(descriptor.OneofIndex, out var members))
            {
                members.Add(field);
            }
            else
            {
                oneofs[descriptor.OneofIndex] = [field];
                var oneofPath = Append(path, MessageOneofs, descriptor.OneofIndex);
                body.Add(new ProtoOneof
                {
                    Name = message.OneofDecl[descriptor.OneofIndex].Name,
                    Body = oneofs[descriptor.OneofIndex],
                    Position = Start(oneofPath),
                    NamePosition = NameAt(oneofPath),
                });
            }
        }

        return body;
    }

    private ProtoField Field(FieldDescriptorProto field, int[] path, bool inOneof, Dictionary<string, DescriptorProto> mapEntries)
    {
        var type = FieldTypes.Name(field);
        string? mapKey = null;
        if (field.Label == Label.Repeated && mapEntries.TryGetValue(field.TypeName, out var entry))
        {
            mapKey = FieldTypes.Name(entry.Field.Single(f => f.Number == 1));
            type = FieldTypes.Name(entry.Field.Single(f => f.Number == 2));
        }

        var label = field.Label switch
        {
            _ when mapKey is not null => FieldLabel.None,
            Label.Repeated => FieldLabel.Repeated,
            Label.Required => FieldLabel.Required,
            _ when field.Proto3Optional => FieldLabel.Optional,

            // Only proto2 writes "optional" on singular fields outside a oneof; proto3 and editions leave it out.
            _ when !inOneof && Syntax == "proto2" => FieldLabel.Optional,
            _ => FieldLabel.None,
        };

        // protoc always fills json_name; only a name that differs from the default was written as an option.
        IReadOnlyList<ProtoOption> options = field.HasJsonName && field.JsonName != FieldTypes.DefaultJsonName(field.Name)
            ? [JsonNameOption(field.JsonName, Start(path))]
            : [];
        return new ProtoField
        {
            Label = label,
            Type = type,
            MapKeyType = mapKey,
            Name = field.Name,
            Number = field.Number,
            Options = options,
            Position = Start(path),
            NamePosition = NameAt(path),
        };
    }

    private static ProtoOption JsonNameOption(string jsonName, SourcePosition at) => new()
    {
        Name = "json_name",
        Value = new ProtoOptionValue { Kind = OptionValueKind.String, Text = "\"" + jsonName + "\"", StringValue = jsonName },
        Position = at,
        NamePosition = at,
    };

    private ProtoEnum Enum(EnumDescriptorProto descriptor, int[] path)
    {
        var body = new List<ProtoElement>();
        body.AddRange(descriptor.Value.Select((v, i) => new ProtoEnumValue
        {
            Name = v.Name,
            Number = v.Number,
            Position = Start(Append(path, EnumValues, i)),
            NamePosition = NameAt(Append(path, EnumValues, i)),
        }));

        // Unlike message reserved ranges, enum reserved ranges are inclusive in descriptors.
        body.AddRange(descriptor.ReservedRange.Select((r, j) => Reserved(
            new ProtoRange(r.Start, r.End, EndIsMax: r.End == int.MaxValue), Append(path, EnumReservedRanges, j))));
        body.AddRange(descriptor.ReservedName.Select((name, j) => ReservedName(name, Append(path, EnumReservedNames, j))));
        return new ProtoEnum { Name = descriptor.Name, Body = body, Position = Start(path), NamePosition = NameAt(path) };
    }

    private ProtoReserved Reserved(ProtoRange range, int[] path) =>
        new() { Ranges = [range], Position = Start(path), NamePosition = Start(path) };

    private ProtoReserved ReservedName(string name, int[] path) =>
        new() { Names = [name], Position = Start(path), NamePosition = Start(path) };
}
