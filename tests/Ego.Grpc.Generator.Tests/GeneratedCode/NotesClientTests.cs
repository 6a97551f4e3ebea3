using Ego.CodegenTest.Editions;
using Ego.Grpc.Generator.Tests.Infrastructure;

namespace Ego.Grpc.Generator.Tests.GeneratedCode;

/// <summary>The client generated at build time from Protos/editions_service.proto (edition 2023).</summary>
public sealed class NotesClientTests
{
    [Fact]
    public void Add_EditionsFile_SendsUnaryMethod()
    {
        var reply = new Note { Text = "saved" };
        var invoker = new RecordingCallInvoker(reply);

        var result = new Notes.NotesClient(invoker).Add(new Note { Text = "n" });

        Assert.Same(reply, result);
        var call = Assert.Single(invoker.Calls);
        Assert.Equal(("/ego.codegen_test.editions.Notes/Add", MethodType.Unary), (call.Method.FullName, call.Method.Type));
    }
}
