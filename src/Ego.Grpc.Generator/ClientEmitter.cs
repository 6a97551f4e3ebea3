namespace Ego.Grpc.Generator;

/// <summary>Writes <c>XxxClient</c>: blocking and async calls for unary rpcs, async calls for streaming ones.</summary>
internal sealed class ClientEmitter(CodeWriter writer)
{
    private const string Ego = "global::Ego.Grpc.";
    private const string CallArguments = Ego + "Metadata? headers = null, global::System.DateTime? deadline = null, " +
        "global::System.Threading.CancellationToken cancellationToken = default";
    private const string Configuration = Ego + "ClientBase.ClientBaseConfiguration";

    public void Emit(ServiceModel service)
    {
        var name = service.ClientClassName;
        writer.Line($"/// <summary>Client for {service.FullName}</summary>");
        writer.Open($"public partial class {name} : {Ego}ClientBase<{name}>");
        writer.Line($"/// <summary>Creates a client that makes calls over <paramref name=\"channel\"/>.</summary>");
        writer.Line($"public {name}({Ego}ChannelBase channel) : base(channel) {{ }}");
        writer.Line();
        writer.Line($"/// <summary>Creates a client that makes calls through a custom <paramref name=\"callInvoker\"/>.</summary>");
        writer.Line($"public {name}({Ego}CallInvoker callInvoker) : base(callInvoker) {{ }}");
        writer.Line();
        writer.Line("/// <summary>Parameterless constructor for test doubles.</summary>");
        writer.Line($"protected {name}() : base() {{ }}");
        writer.Line();
        writer.Line("/// <summary>Constructor for configured clients, see <c>WithHost</c>.</summary>");
        writer.Line($"protected {name}({Configuration} configuration) : base(configuration) {{ }}");
        foreach (var rpc in service.Rpcs)
        {
            if (rpc.Kind == RpcKind.Unary)
            {
                Call(rpc, rpc.Identifier, rpc.ResponseType, "BlockingUnaryCall");
                Call(rpc, rpc.ProtoName + "Async", $"{Ego}AsyncUnaryCall<{rpc.ResponseType}>", "AsyncUnaryCall");
            }
            else
            {
                var (returnType, invoker) = rpc.Kind switch
                {
                    RpcKind.ServerStreaming => ($"{Ego}AsyncServerStreamingCall<{rpc.ResponseType}>", "AsyncServerStreamingCall"),
                    RpcKind.ClientStreaming => ($"{Ego}AsyncClientStreamingCall<{rpc.RequestType}, {rpc.ResponseType}>", "AsyncClientStreamingCall"),
                    _ => ($"{Ego}AsyncDuplexStreamingCall<{rpc.RequestType}, {rpc.ResponseType}>", "AsyncDuplexStreamingCall"),
                };
                Call(rpc, rpc.Identifier, returnType, invoker);
            }
        }

        writer.Line();
        writer.Line("/// <summary>Creates a new instance of the client from the given configuration.</summary>");
        writer.Line($"protected override {name} NewInstance({Configuration} configuration) => new {name}(configuration);");
        writer.Close();
    }

    // Two overloads per call, as in Grpc.Core: loose call arguments, and a CallOptions.
    private void Call(RpcModel rpc, string method, string returnType, string invokerMethod)
    {
        var hasRequest = rpc.Kind is RpcKind.Unary or RpcKind.ServerStreaming;
        var request = hasRequest ? $"{rpc.RequestType} request, " : string.Empty;
        var forward = hasRequest ? "request, " : string.Empty;
        var invokerRequest = hasRequest ? ", request" : string.Empty;
        Header(rpc);
        writer.Open($"public virtual {returnType} {method}({request}{CallArguments})");
        writer.Line($"return {method}({forward}new {Ego}CallOptions(headers, deadline, cancellationToken));");
        writer.Close();
        Header(rpc);
        writer.Open($"public virtual {returnType} {method}({request}{Ego}CallOptions options)");
        writer.Line($"return CallInvoker.{invokerMethod}({rpc.MethodField}, null, options{invokerRequest});");
        writer.Close();
    }

    private void Header(RpcModel rpc)
    {
        writer.Line();
        DocComments.Write(writer, rpc.Comment);
        if (rpc.Deprecated)
        {
            writer.Line("[global::System.Obsolete]");
        }
    }
}
