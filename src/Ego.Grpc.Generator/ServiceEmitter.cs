namespace Ego.Grpc.Generator;

/// <summary>Writes the static service class: method definitions, descriptor, server base, client and BindService.</summary>
internal sealed class ServiceEmitter(CodeWriter writer, GeneratorOptions options)
{
    private const string Ego = "global::Ego.Grpc.";
    private const string Obsolete = "[global::System.Obsolete]";

    private string Access => options.InternalAccess ? "internal" : "public";

    public void Emit(ServiceModel service)
    {
        DocComments.Write(writer, service.Comment);
        if (service.Deprecated)
        {
            writer.Line(Obsolete);
        }

        writer.Open($"{Access} static partial class {service.ClassName}");
        writer.Line($"static readonly string __ServiceName = \"{service.FullName}\";");
        writer.Line();
        foreach (var marshaller in service.Marshallers)
        {
            writer.Line($"static readonly {Ego}Marshaller<{marshaller.MessageType}> {marshaller.FieldName} = " +
                $"{Ego}Marshallers.ForProtobuf({marshaller.MessageType}.Parser);");
        }

        foreach (var rpc in service.Rpcs)
        {
            writer.Line();
            writer.Line($"static readonly {rpc.MethodType} {rpc.MethodField} = new {rpc.MethodType}(");
            writer.Indent().Indent();
            writer.Line($"{Ego}MethodType.{rpc.Kind},");
            writer.Line("__ServiceName,");
            writer.Line($"\"{rpc.ProtoName}\",");
            writer.Line($"{rpc.RequestMarshaller},");
            writer.Line($"{rpc.ResponseMarshaller});");
            writer.Outdent().Outdent();
        }

        writer.Line();
        writer.Line("/// <summary>Service descriptor</summary>");
        writer.Line($"public static global::Google.Protobuf.Reflection.ServiceDescriptor Descriptor => {service.DescriptorExpression};");
        if (options.GenerateServer)
        {
            writer.Line();
            new ServerBaseEmitter(writer).Emit(service);
        }

        if (options.GenerateClient)
        {
            writer.Line();
            new ClientEmitter(writer).Emit(service);
        }

        if (options.GenerateServer)
        {
            writer.Line();
            EmitBindService(service);
        }

        writer.Close();
    }

    private void EmitBindService(ServiceModel service)
    {
        writer.Line("/// <summary>Creates a service definition that can be registered with a server.</summary>");
        writer.Line("/// <param name=\"serviceImpl\">An object implementing the server-side handling logic.</param>");
        writer.Open($"public static {Ego}ServerServiceDefinition BindService({service.BaseClassName} serviceImpl)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(serviceImpl);");
        writer.Line($"return {Ego}ServerServiceDefinition.CreateBuilder()");
        writer.Indent().Indent();
        foreach (var rpc in service.Rpcs)
        {
            writer.Line($".AddMethod({rpc.MethodField}, serviceImpl.{rpc.Identifier})");
        }

        writer.Line(".Build();");
        writer.Outdent().Outdent();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Registers every method of the service, with its handler, on a service binder.</summary>");
        writer.Line("/// <param name=\"serviceBinder\">Receives one <c>AddMethod</c> call per rpc.</param>");
        writer.Line("/// <param name=\"serviceImpl\">An object implementing the server-side handling logic; null when the binder only needs the methods (services activated per call).</param>");
        writer.Open($"public static void BindService({Ego}ServiceBinderBase serviceBinder, {service.BaseClassName}? serviceImpl)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(serviceBinder);");
        foreach (var rpc in service.Rpcs)
        {
            writer.Line($"serviceBinder.AddMethod({rpc.MethodField}, serviceImpl == null ? null : new {Ego}{rpc.Kind}ServerMethod<{rpc.RequestType}, {rpc.ResponseType}>(serviceImpl.{rpc.Identifier}));");
        }

        writer.Close();
    }
}
