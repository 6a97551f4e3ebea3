using Google.Protobuf.Reflection;

namespace Ego.Grpc.Generator;

/// <summary>Turns a <see cref="ServiceDescriptorProto"/> into a <see cref="ServiceModel"/> with resolved C# names.</summary>
internal sealed class ServiceModelBuilder(FileDescriptorProto file, ProtoTypeIndex types)
{
    private readonly DocComments _comments = new(file);
    private readonly string _reflectionClass = CSharpNames.ReflectionClass(file);

    public ServiceModel Build(int serviceIndex)
    {
        var service = file.Service[serviceIndex];
        var fullName = file.Package.Length == 0 ? service.Name : file.Package + "." + service.Name;
        var marshallers = new Dictionary<string, MarshallerModel>(StringComparer.Ordinal);
        var rpcs = new List<RpcModel>(service.Method.Count);
        for (var i = 0; i < service.Method.Count; i++)
        {
            var method = service.Method[i];
            var where = $"{file.Name}: rpc {fullName}.{method.Name}";
            var request = Marshaller(marshallers, method.InputType, where);
            var response = Marshaller(marshallers, method.OutputType, where);
            rpcs.Add(new RpcModel(
                method.Name,
                CSharpNames.Escape(method.Name),
                KindOf(method),
                request.MessageType,
                response.MessageType,
                request.FieldName,
                response.FieldName,
                _comments.ForMethod(serviceIndex, i),
                method.Options?.Deprecated == true));
        }

        EnsureNoClientNameClash(fullName, rpcs);
        return new ServiceModel(
            fullName,
            CSharpNames.Escape(service.Name),
            $"{_reflectionClass}.Descriptor.Services[{serviceIndex}]",
            [.. marshallers.Values],
            rpcs,
            _comments.ForService(serviceIndex),
            service.Options?.Deprecated == true);
    }

    private static RpcKind KindOf(MethodDescriptorProto method) => (method.ClientStreaming, method.ServerStreaming) switch
    {
        (false, false) => RpcKind.Unary,
        (true, false) => RpcKind.ClientStreaming,
        (false, true) => RpcKind.ServerStreaming,
        _ => RpcKind.DuplexStreaming,
    };

    private MarshallerModel Marshaller(Dictionary<string, MarshallerModel> marshallers, string protoType, string where)
    {
        if (!marshallers.TryGetValue(protoType, out var marshaller))
        {
            var field = "__Marshaller_" + protoType.TrimStart('.').Replace('.', '_');
            // Different proto names can flatten to the same field name (a.b_c vs a_b.c); keep fields distinct.
            var candidate = field;
            for (var n = 2; marshallers.Values.Any(m => m.FieldName == candidate); n++)
            {
                candidate = field + "_" + n;
            }

            marshaller = new MarshallerModel(candidate, types.Resolve(protoType, where));
            marshallers.Add(protoType, marshaller);
        }

        return marshaller;
    }

    // A unary rpc X gets a client method XAsync; an rpc literally named XAsync would collide with it.
    private void EnsureNoClientNameClash(string serviceName, List<RpcModel> rpcs)
    {
        var names = rpcs.Select(r => r.ProtoName).ToHashSet(StringComparer.Ordinal);
        foreach (var rpc in rpcs.Where(r => r.Kind == RpcKind.Unary && names.Contains(r.ProtoName + "Async")))
        {
            throw new GeneratorException(
                $"{file.Name}: service {serviceName} has rpcs '{rpc.ProtoName}' and '{rpc.ProtoName}Async'; " +
                $"the client method generated for '{rpc.ProtoName}Async' would clash with the async variant of '{rpc.ProtoName}'. Rename one of them.");
        }
    }
}
