namespace Ego.Grpc.Generator;

/// <summary>Writes <c>XxxBase</c>: one virtual handler per rpc that answers UNIMPLEMENTED until overridden.</summary>
internal sealed class ServerBaseEmitter(CodeWriter writer)
{
    private const string Ego = "global::Ego.Grpc.";
    private const string Context = Ego + "ServerCallContext context";

    public void Emit(ServiceModel service)
    {
        writer.Line($"/// <summary>Base class for server-side implementations of {service.FullName}</summary>");
        writer.Line($"[{Ego}BindServiceMethod(typeof({service.ClassName}), \"BindService\")]");
        writer.Open($"public abstract partial class {service.BaseClassName}");
        var first = true;
        foreach (var rpc in service.Rpcs)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            DocComments.Write(writer, rpc.Comment);
            if (rpc.Deprecated)
            {
                writer.Line("[global::System.Obsolete]");
            }

            writer.Open($"public virtual {Signature(rpc)}");
            writer.Line($"throw new {Ego}RpcException(new {Ego}Status({Ego}StatusCode.Unimplemented, \"\"));");
            writer.Close();
        }

        writer.Close();
    }

    private static string Signature(RpcModel rpc)
    {
        var requestStream = $"{Ego}IAsyncStreamReader<{rpc.RequestType}> requestStream";
        var responseStream = $"{Ego}IServerStreamWriter<{rpc.ResponseType}> responseStream";
        var task = "global::System.Threading.Tasks.Task";
        return rpc.Kind switch
        {
            RpcKind.Unary => $"{task}<{rpc.ResponseType}> {rpc.Identifier}({rpc.RequestType} request, {Context})",
            RpcKind.ClientStreaming => $"{task}<{rpc.ResponseType}> {rpc.Identifier}({requestStream}, {Context})",
            RpcKind.ServerStreaming => $"{task} {rpc.Identifier}({rpc.RequestType} request, {responseStream}, {Context})",
            _ => $"{task} {rpc.Identifier}({requestStream}, {responseStream}, {Context})",
        };
    }
}
