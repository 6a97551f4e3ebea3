using Ego.Grpc;

namespace Ego.Grpc.Tests.Support;

/// <summary>Methods of the test service <c>test.Echo</c>, with UTF-8 string messages.</summary>
internal static class TestMethods
{
    public const string Service = "test.Echo";

    public static readonly Method<string, string> Unary = new(MethodType.Unary, Service, "Unary", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static readonly Method<string, string> ServerStreaming = new(MethodType.ServerStreaming, Service, "ServerStreaming", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static readonly Method<string, string> ClientStreaming = new(MethodType.ClientStreaming, Service, "ClientStreaming", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

    public static readonly Method<string, string> Duplex = new(MethodType.DuplexStreaming, Service, "Duplex", Marshallers.StringMarshaller, Marshallers.StringMarshaller);
}
