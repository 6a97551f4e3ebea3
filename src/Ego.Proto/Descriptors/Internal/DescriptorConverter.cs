using Ego.Proto.Syntax;
using Google.Protobuf.Reflection;
using static Ego.Proto.Descriptors.Internal.DescriptorPath;

namespace Ego.Proto.Descriptors.Internal;

/// <summary>Turns one <see cref="FileDescriptorProto"/> into the syntax model the parser produces.</summary>
internal sealed partial class DescriptorConverter
{
    private readonly FileDescriptorProto _file;
    private readonly SourceLocations _locations;

    private DescriptorConverter(FileDescriptorProto file)
    {
        _file = file;
        _locations = new SourceLocations(file.SourceCodeInfo);
    }

    private string Syntax => _file.Syntax is "" ? "proto2" : _file.Syntax;

    public static ProtoFile Convert(FileDescriptorProto file) => new DescriptorConverter(file).Convert();

    private ProtoFile Convert()
    {
        var definitions = new List<ProtoElement>();
        var scope = _file.Package.Length == 0 ? "" : "." + _file.Package;
        for (var i = 0; i < _file.MessageType.Count; i++)
        {
            definitions.Add(Message(_file.MessageType[i], [FileMessages, i], scope));
        }

        for (var i = 0; i < _file.EnumType.Count; i++)
        {
            definitions.Add(Enum(_file.EnumType[i], [FileEnums, i]));
        }

        for (var i = 0; i < _file.Service.Count; i++)
        {
            definitions.Add(Service(_file.Service[i], [FileServices, i]));
        }

        return new ProtoFile
        {
            Path = _file.Name,
            Text = "",
            SyntaxDeclaration = SyntaxDeclaration(),
            Package = _file.HasPackage ? new ProtoPackage { Name = _file.Package, Position = Start([FilePackage]), NamePosition = Start([FilePackage]) } : null,
            Imports = [.. _file.Dependency.Select(Import)],
            Definitions = definitions,
        };
    }

    private ProtoSyntaxDeclaration? SyntaxDeclaration()
    {
        if (Syntax == "editions")
        {
            // Edition enum values are the year (EDITION_2023 = 1000 is the exception protoc makes for 2023).
            var edition = _file.Edition == Edition._2023 ? "2023" : ((int)_file.Edition).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new ProtoSyntaxDeclaration { Keyword = "edition", Value = edition, Position = Start([FileEdition]), NamePosition = Start([FileEdition]) };
        }

        return _file.Syntax is "" ? null
            : new ProtoSyntaxDeclaration { Keyword = "syntax", Value = _file.Syntax, Position = Start([FileSyntax]), NamePosition = Start([FileSyntax]) };
    }

    private ProtoImport Import(string path, int index) => new()
    {
        Path = path,
        Modifier = _file.PublicDependency.Contains(index) ? ImportModifier.Public
            : _file.WeakDependency.Contains(index) ? ImportModifier.Weak : ImportModifier.None,
        Position = Start([FileImports, index]),
        NamePosition = Start([FileImports, index]),
    };

    private ProtoService Service(ServiceDescriptorProto service, int[] path)
    {
        var rpcs = service.Method.Select((method, i) => new ProtoRpc
        {
            Name = method.Name,
            RequestType = method.InputType,
            RequestStream = method.ClientStreaming,
            ResponseType = method.OutputType,
            ResponseStream = method.ServerStreaming,
            Position = Start(Append(path, ServiceMethods, i)),
            NamePosition = NameAt(Append(path, ServiceMethods, i)),
        });
        return new ProtoService { Name = service.Name, Body = [.. rpcs], Position = Start(path), NamePosition = NameAt(path) };
    }

    private SourcePosition Start(int[] path) => _locations.At(path);

    /// <summary>Where the element's name is written (<c>name</c> is field 1 of every named descriptor).</summary>
    private SourcePosition NameAt(int[] path) => _locations.At(Append(path, Name));
}
