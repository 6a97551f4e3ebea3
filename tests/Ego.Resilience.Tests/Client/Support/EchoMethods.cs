using Ego.Grpc;

namespace Ego.Resilience.Tests.Client.Support;

/// <summary>Methods of the test service <c>test.Echo</c>, with UTF-8 string messages.</summary>
internal static class EchoMethods
{
    public const string Service = "test.Echo";

    public static readonly Method<string, string> Unary = new(MethodType.Unary, Service, "Unary", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static readonly Method<string, string> Other = new(MethodType.Unary, Service, "Other", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static readonly Method<string, string> ServerStreaming = new(MethodType.ServerStreaming, Service, "ServerStreaming", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static ClientInterceptorContext<string, string> Context(Method<string, string>? method = null, DateTime? deadline = null)
        => new(method ?? Unary, null, new CallOptions(deadline: deadline));
}
