namespace Ego.Grpc.Tests.Support;

/// <summary>Written the way generated code looks: methods, a bindable base class and a client.</summary>
internal static class Greeter
{
    private static readonly Method<string, string> MethodSayHello = new(MethodType.Unary, "test.Greeter", "SayHello", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static ServerServiceDefinition BindService(GreeterBase serviceImpl)
        => ServerServiceDefinition.CreateBuilder().AddMethod(MethodSayHello, serviceImpl.SayHello).Build();

    public static void BindService(ServiceBinderBase serviceBinder, GreeterBase? serviceImpl)
        => serviceBinder.AddMethod(MethodSayHello, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.SayHello));

    [BindServiceMethod(typeof(Greeter), "BindService")]
    public abstract class GreeterBase
    {
        public virtual Task<string> SayHello(string request, ServerCallContext context)
            => throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }

    public sealed class GreeterClient : ClientBase<GreeterClient>
    {
        public GreeterClient(ChannelBase channel)
            : base(channel)
        {
        }

        public GreeterClient(CallInvoker callInvoker)
            : base(callInvoker)
        {
        }

        public AsyncUnaryCall<string> SayHello(string request, CallOptions options = default)
            => CallInvoker.AsyncUnaryCall(MethodSayHello, null, options, request);
    }
}
