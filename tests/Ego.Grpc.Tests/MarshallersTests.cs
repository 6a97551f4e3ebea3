using System.Buffers;
using Google.Protobuf.WellKnownTypes;

namespace Ego.Grpc.Tests;

public sealed class MarshallersTests
{
    [Fact]
    public void ForProtobuf_StringValue_RoundTripsWithExactSizeHint()
    {
        var marshaller = Marshallers.ForProtobuf(StringValue.Parser);
        var message = new StringValue { Value = "protobuf ✓" };
        var buffer = new ArrayBufferWriter<byte>();

        marshaller.Serializer(message, buffer);
        var parsed = marshaller.Deserializer(new ReadOnlySequence<byte>(buffer.WrittenMemory));

        Assert.Equal(message, parsed);
        Assert.Equal(buffer.WrittenCount, marshaller.SizeHint!(message));
    }

    [Fact]
    public async Task ForProtobuf_OverTheWire_WellKnownTypesRoundTrip()
    {
        var method = new Method<StringValue, Int32Value>(MethodType.Unary, "test.Proto", "Length", Marshallers.ForProtobuf(StringValue.Parser), Marshallers.ForProtobuf(Int32Value.Parser));
        var definition = ServerServiceDefinition.CreateBuilder()
            .AddMethod(method, (request, _) => Task.FromResult(new Int32Value { Value = request.Value.Length }))
            .Build();
        await using var test = await Support.TestServer.StartAsync(b => b.AddService(definition));

        var response = await test.Invoker.AsyncUnaryCall(method, null, new CallOptions(), new StringValue { Value = "four" });

        Assert.Equal(4, response.Value);
    }

    [Fact]
    public void Method_FullName_IsSlashServiceSlashMethod()
    {
        var method = new Method<string, string>(MethodType.Unary, "pkg.Service", "Call", Marshallers.StringMarshaller, Marshallers.StringMarshaller);

        Assert.Equal("/pkg.Service/Call", method.FullName);
    }
}
